package org.pomegranate.report.monthly;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.OfficialDocument;

/**
 * The report's .docx narrative in the shape of seed 004: the title, 一、工作开展情况 with sentences
 * that carry the figures, 二、存在的问题 and 三、下一步工作打算 as the admin wrote them, and the
 * sender and date, laid out as an official document ({@link OfficialDocument}).
 */
public final class ReportDocument {

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
		try (var document = new OfficialDocument()) {
			document.title(title(data));
			document.body("按照工作要求，现将" + data.regionName() + data.periodLabel() + "民族团结进步创建工作开展情况汇报如下。");
			document.heading("一、工作开展情况");
			workDone(data).forEach(document::body);
			document.heading("二、存在的问题");
			lines(problems, "（未填写）").forEach(document::body);
			document.heading("三、下一步工作打算");
			lines(plans, "（未填写）").forEach(document::body);
			document.right(data.regionName(), true);
			document.right(OfficialDocument.date(data.generatedOn()), false);
			return document.bytes();
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

}
