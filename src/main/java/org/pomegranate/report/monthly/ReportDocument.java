package org.pomegranate.report.monthly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.pomegranate.figures.Period;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STLineSpacingRule;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The report's .docx narrative in the shape of seed 004: the title, 一、工作开展情况 with sentences
 * that carry the figures, 二、存在的问题 and 三、下一步工作打算 as the admin wrote them, and the
 * sender and date. Laid out as an official document (GB/T 9704): A4, margins 37/35/28/26 mm,
 * title in 小标宋 (黑体 where it is missing), headings in 黑体, body in 仿宋_GB2312 (仿宋 where it is
 * missing) at 三号 (16 pt) on a fixed 28-pt line, first lines indented by two characters.
 */
public final class ReportDocument {

	/** Twips per millimetre (1 inch = 25.4 mm = 1440 twips). */
	private static final double TWIPS_PER_MM = 1440 / 25.4;

	private static final int BODY_POINTS = 16;

	private static final String BODY_FONT = "仿宋_GB2312";

	private static final String BODY_FALLBACK = "仿宋";

	private static final String TITLE_FONT = "方正小标宋简体";

	private static final String HEADING_FONT = "黑体";

	/** The figures the sentences below quote; any other figure is listed in (三). */
	private static final Set<String> QUOTED = Set.of("figure.petitions.collected", "figure.petitions.resolved",
			"figure.petitions.unresolvable",
			"figure.petitions.policy", "figure.petitions.open", "figure.petitions.overdue",
			"figure.petitions.satisfaction", "figure.petitions.backlogClosed", "figure.petitions.openBacklog",
			"figure.pairing.coverage", "figure.pairing.unpaired", "figure.pairing.overdue", "figure.visits");

	private ReportDocument() {
	}

	public static String title(ReportData data) {
		return data.regionName() + data.periodLabel() + "民族团结进步创建工作情况汇报";
	}

	/** The sentences of 一、工作开展情况, one paragraph each. */
	public static List<String> workDone(ReportData data) {
		var paragraphs = new ArrayList<String>();
		var p = data.petitions();
		var y = data.petitionsYearToDate();
		paragraphs.add("（一）纾困解难。" + data.periodLabel() + "，" + data.regionName() + "收集困难诉求" + p.collected() + "件、解决"
				+ p.resolved() + "件，政策解答" + p.policy() + "件，无法解决" + p.unresolvable() + "件；尚未办结" + p.open() + "件，其中逾期" + p.overdue() + "件；"
				+ (p.satisfaction() == null ? "暂无群众评价。" : "群众满意率" + percent(p.satisfaction()) + "。") + "今年以来累计收集困难诉求"
				+ y.collected() + "件、解决" + y.resolved() + "件，政策解答" + y.policy() + "件，无法解决" + y.unresolvable()
				+ "件。化解信访积案" + p.backlogClosed()
				+ "个；截至" + Period.day(data.generatedOn()) + "，尚有在办信访积案" + p.openBacklog() + "个。");
		var pairing = new StringBuilder("（二）联谊结对。");
		if (data.coverage().stream().anyMatch(line -> line.target() > 0)) {
			pairing.append("截至").append(Period.day(data.coverageDay())).append("，");
		}
		for (var line : data.coverage()) {
			if (line.target() > 0) {
				pairing.append("“").append(line.program()).append("”目标家庭").append(line.target()).append("户，已结对")
					.append(line.paired()).append("户，覆盖率").append(percent(line.percent())).append("，逾期未走访")
					.append(line.overdue()).append("户；");
			}
		}
		pairing.append(data.periodLabel()).append("共走访").append(data.totalVisits()).append("次");
		var kinds = data.visits().stream().filter(v -> v.visits() > 0).map(v -> v.label() + v.visits() + "次").toList();
		pairing.append(kinds.isEmpty() ? "。" : "，其中" + String.join("、", kinds) + "。");
		paragraphs.add(pairing.toString());
		var others = data.summary().stream().filter(line -> !QUOTED.contains(line.key())).toList();
		if (!others.isEmpty()) {
			var text = new StringBuilder("（三）其他工作。");
			others.forEach(line -> text.append(data.label(line))
				.append(line.percent() ? percent(line.current()) : count(line.current()))
				.append("；"));
			text.setCharAt(text.length() - 1, '。');
			paragraphs.add(text.toString());
		}
		return paragraphs;
	}

	static byte[] write(ReportData data, String problems, String plans) {
		try (var document = new XWPFDocument()) {
			page(document);
			var title = paragraph(document, ParagraphAlignment.CENTER, 0);
			run(title, title(data), TITLE_FONT, HEADING_FONT, 22, false);
			body(document, "按照工作要求，现将" + data.regionName() + data.periodLabel() + "民族团结进步创建工作开展情况汇报如下。");
			heading(document, "一、工作开展情况");
			workDone(data).forEach(text -> body(document, text));
			heading(document, "二、存在的问题");
			lines(problems, "（未填写）").forEach(text -> body(document, text));
			heading(document, "三、下一步工作打算");
			lines(plans, "（未填写）").forEach(text -> body(document, text));
			var sender = paragraph(document, ParagraphAlignment.RIGHT, 0);
			sender.setSpacingBefore(560);
			run(sender, data.regionName(), BODY_FONT, BODY_FALLBACK, BODY_POINTS, false);
			var date = paragraph(document, ParagraphAlignment.RIGHT, 0);
			var on = data.generatedOn();
			run(date, on.getYear() + "年" + on.getMonthValue() + "月" + on.getDayOfMonth() + "日", BODY_FONT, BODY_FALLBACK,
					BODY_POINTS, false);
			var out = new ByteArrayOutputStream();
			document.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> lines(String text, String empty) {
		var lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		return lines.isEmpty() ? List.of(empty) : lines;
	}

	static String percent(@Nullable Double value) {
		return value == null ? "—" : String.format("%.1f%%", value);
	}

	private static String count(@Nullable Double value) {
		return value == null ? "—" : String.valueOf(value.longValue());
	}

	private static void page(XWPFDocument document) {
		var section = document.getDocument().getBody().addNewSectPr();
		var size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		size.setOrient(STPageOrientation.PORTRAIT);
		var margins = section.addNewPgMar();
		margins.setTop(twips(37));
		margins.setBottom(twips(35));
		margins.setLeft(twips(28));
		margins.setRight(twips(26));
		margins.setHeader(twips(15));
		margins.setFooter(twips(28));
	}

	private static BigInteger twips(int millimetres) {
		return BigInteger.valueOf(Math.round(millimetres * TWIPS_PER_MM));
	}

	private static void heading(XWPFDocument document, String text) {
		var heading = paragraph(document, ParagraphAlignment.LEFT, 640);
		run(heading, text, HEADING_FONT, HEADING_FONT, BODY_POINTS, false);
	}

	private static void body(XWPFDocument document, String text) {
		var body = paragraph(document, ParagraphAlignment.BOTH, 640);
		run(body, text, BODY_FONT, BODY_FALLBACK, BODY_POINTS, false);
	}

	/** A paragraph on the fixed 28-pt line of official documents, first line indented by {@code indent} twips. */
	private static XWPFParagraph paragraph(XWPFDocument document, ParagraphAlignment alignment, int indent) {
		var paragraph = document.createParagraph();
		paragraph.setAlignment(alignment);
		if (indent > 0) {
			paragraph.setIndentationFirstLine(indent);
		}
		var spacing = paragraph.getCTPPr().isSetSpacing() ? paragraph.getCTPPr().getSpacing()
				: paragraph.getCTPPr().addNewSpacing();
		spacing.setLine(BigInteger.valueOf(560));
		spacing.setLineRule(STLineSpacingRule.EXACT);
		return paragraph;
	}

	/** Chinese text in {@code eastAsia}; Latin letters and digits in {@code latin}, which every Chinese Windows and WPS has. */
	private static XWPFRun run(XWPFParagraph paragraph, String text, String eastAsia, String latin, int points,
			boolean bold) {
		var run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(points);
		run.setBold(bold);
		var properties = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
		CTFonts fonts = properties.sizeOfRFontsArray() > 0 ? properties.getRFontsArray(0) : properties.addNewRFonts();
		fonts.setEastAsia(eastAsia);
		fonts.setAscii(latin);
		fonts.setHAnsi(latin);
		fonts.setCs(latin);
		return run;
	}

}
