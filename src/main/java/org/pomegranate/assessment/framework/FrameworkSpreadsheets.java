package org.pomegranate.assessment.framework;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Frameworks as spreadsheets: a version exported as .xlsx (sheets 指标 and 设置), a workbook read
 * into a new draft of the admin's region or into a draft's nodes, and rows already read (the demo
 * CSVs) made a draft, all through the one row parser ({@link FrameworkRows}). A refused file or
 * row writes nothing ({@link RowsRefusedException}, every problem with its row).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class FrameworkSpreadsheets {

	static final String ENTITY = FrameworkDrafts.ENTITY;

	private static final String SUBMISSION_KIND = "indicator-framework";

	private final FrameworkService frameworks;

	private final FrameworkDrafts drafts;

	private final IndicatorNodeRepository nodes;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	FrameworkSpreadsheets(FrameworkService frameworks, FrameworkDrafts drafts, IndicatorNodeRepository nodes,
			SubmissionTokens submissions, AuditLog auditLog) {
		this.frameworks = frameworks;
		this.drafts = drafts;
		this.nodes = nodes;
		this.submissions = submissions;
		this.auditLog = auditLog;
	}

	/** The version as an .xlsx workbook (sheets 指标 and 设置); the export is audited. */
	@Transactional
	public byte[] export(long id) {
		var framework = frameworks.get(id);
		var bytes = FrameworkWorkbook.write(framework, rows(id));
		auditLog.record(AuditAction.EXPORT, ENTITY, id, "导出测评指标 " + framework.getName() + " 第" + framework.getVersionNumber() + "版");
		return bytes;
	}

	/** The version's nodes as rows, in tree order (each category followed by its items and their articles). */
	public List<FrameworkRow> rows(long id) {
		var tree = frameworks.tree(id);
		var rows = new ArrayList<FrameworkRow>();
		for (var category : tree.categories()) {
			rows.add(FrameworkRows.row(rows.size() + 2, category.node().content(), null));
			for (var item : category.children()) {
				rows.add(FrameworkRows.row(rows.size() + 2, item.node().content(), category.node().getCode()));
				for (var article : item.children()) {
					rows.add(FrameworkRows.row(rows.size() + 2, article.node().content(), item.node().getCode()));
				}
			}
		}
		for (var list : List.of(tree.bonus(), tree.penalties(), tree.vetoes())) {
			list.forEach(node -> rows.add(FrameworkRows.row(rows.size() + 2, node.content(), null)));
		}
		return rows;
	}

	/**
	 * 导入 as a new draft of the admin's region: settings from the 设置 sheet, nodes from 指标.
	 * Refused whole ({@link RowsRefusedException}), every problem with its row, before anything is written.
	 */
	@Transactional
	public IndicatorFramework importNew(@Nullable UUID submission, @Nullable String filename, InputStream content) {
		drafts.author().authoringRefusal().ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var contents = FrameworkWorkbook.read(filename, content);
		var settings = contents.settings();
		var parsed = FrameworkRows.parse(FrameworkRows.SHEET, contents.rows(), Map.of());
		var claim = submissions.claim(submission, SUBMISSION_KIND);
		if (claim.earlierId().isPresent()) {
			return frameworks.get(claim.earlierId().get());
		}
		var framework = drafts.newDraft(settings.kind(), settings.settings());
		drafts.insert(framework, parsed);
		claim.made(framework.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, framework.getId(), "从表格导入 " + parsed.size() + " 个节点");
		return framework;
	}

	/** 导入 into a draft: its nodes replaced by the sheet's (its settings stay). Refused whole as {@link #importNew}. */
	@Transactional
	public IndicatorFramework importInto(long id, long version, @Nullable String filename, InputStream content) {
		var framework = drafts.forEdit(id, version);
		var contents = FrameworkWorkbook.read(filename, content);
		var parsed = FrameworkRows.parse(FrameworkRows.SHEET, contents.rows(), Map.of());
		var old = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
		nodes.deleteAll(old.stream().sorted(Comparator.comparing((IndicatorNode n) -> n.getLevel().ordinal()).reversed()).toList());
		nodes.flush();
		drafts.insert(framework, parsed);
		drafts.touch(framework);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "从表格导入，替换全部节点：删除 " + old.size() + " 个，导入 " + parsed.size() + " 个");
		return framework;
	}

	/**
	 * A new draft of the admin's region from rows already read (the demo CSVs): the same parser
	 * as the import, refused whole in the same way.
	 */
	@Transactional
	public IndicatorFramework createFrom(FrameworkKind kind, FrameworkSettings settings, List<FrameworkRow> rows) {
		drafts.author().authoringRefusal().ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var parsed = FrameworkRows.parse(FrameworkRows.SHEET, rows, Map.of());
		var framework = drafts.newDraft(kind, settings);
		drafts.insert(framework, parsed);
		return framework;
	}

}
