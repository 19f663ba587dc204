package org.pomegranate.assessment.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.files.FileType;
import org.pomegranate.shared.Spreadsheet;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of one assessment, for whoever may see its page ({@link AssessmentSheets#sheet}: the
 * holder's people and those above them by region, a reviewer through a live assignment; anyone
 * else the 404 of a missing one): the 自评报告 and 第三方评估报告 (.docx) and the score sheet
 * (.xlsx, one row per scored node with its three scores, the evidence files as submitted with
 * their SHA-256, or as linked now before any submission, and the comments).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssessmentOutputs {

	/** A file made now: its name and bytes. */
	public record Download(String filename, FileType type, byte[] bytes) {
	}

	private final AssessmentSheets sheets;

	private final AssessmentAccess access;

	private final MessageSource messages;

	AssessmentOutputs(AssessmentSheets sheets, AssessmentAccess access, MessageSource messages) {
		this.sheets = sheets;
		this.access = access;
		this.messages = messages;
	}

	public Download selfReport(long assessmentId) {
		var sheet = sheets.sheet(assessmentId);
		return new Download(AssessmentDocuments.selfTitle(sheet) + ".docx", FileType.DOCX,
				AssessmentDocuments.selfReport(sheet, label("Purpose." + sheet.assessment().getPurpose()), access.today()));
	}

	public Download evaluationReport(long assessmentId) {
		var sheet = sheets.sheet(assessmentId);
		return new Download(AssessmentDocuments.evaluationTitle(sheet) + ".docx", FileType.DOCX,
				AssessmentDocuments.evaluationReport(sheet, label("Purpose." + sheet.assessment().getPurpose()), access.today()));
	}

	public static final List<String> SCORE_HEADERS = List.of("编号", "名称", "类别", "分值", "计分方法", "自评", "评估", "采信",
			"佐证材料", "SHA-256", "自评说明", "评估意见", "采信理由");

	public Download scoreSheet(long assessmentId) {
		var sheet = sheets.sheet(assessmentId);
		var out = new ByteArrayOutputStream();
		try {
			Spreadsheet.write(out, "评分表", SCORE_HEADERS, sink -> sheet.ordered().forEach(row -> sink.accept(cells(row))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var assessment = sheet.assessment();
		return new Download(assessment.getHolderName() + assessment.getYear() + "年度测评评分表.xlsx", FileType.XLSX,
				out.toByteArray());
	}

	private List<@Nullable Object> cells(AssessmentSheet.Row row) {
		var node = row.node();
		var score = row.score();
		var names = new ArrayList<String>();
		var hashes = new ArrayList<String>();
		if (!row.submitted().isEmpty()) {
			row.submitted().forEach(file -> {
				names.add(file.evidenceTitle() + "：" + file.fileName());
				hashes.add(file.sha256());
			});
		}
		else {
			row.evidence().forEach(evidence -> evidence.files().forEach(file -> {
				names.add(evidence.title() + "：" + file.filename());
				hashes.add(file.sha256());
			}));
		}
		var cells = new ArrayList<@Nullable Object>();
		cells.add(node.getCode());
		cells.add(node.getTitle());
		cells.add(label("NodeLevel." + node.getLevel()));
		cells.add(node.getPoints());
		cells.add(node.getScoringMethod() == null ? null : label("ScoringMethod." + node.getScoringMethod()));
		cells.add(score.getSelfScore());
		cells.add(score.getEvaluatorScore());
		cells.add(score.getAdoptedScore());
		cells.add(names.stream().collect(Collectors.joining("\n")));
		cells.add(hashes.stream().collect(Collectors.joining("\n")));
		cells.add(score.getSelfNote());
		cells.add(join(score.getEvaluatorNote(), score.isReturned() ? "退回：" + score.getReturnNote() : null));
		cells.add(score.getAdoptedReason());
		return cells;
	}

	private static @Nullable String join(@Nullable String first, @Nullable String second) {
		if (first == null) {
			return second;
		}
		return second == null ? first : first + "\n" + second;
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
	}

}
