package org.pomegranate.assessment.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkTree;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.NodeLevel;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.assessment.workflow.AssessmentScore;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.shared.OfficialDocument;

/**
 * The two reports of an assessment as official documents ({@link OfficialDocument}): the
 * holder's 自评报告 (the self scores, category by category, the 奖惩清单 lines, the total and why it
 * falls short) and the 第三方评估报告 (the same with the evaluator's and the adopted scores, the
 * reviewer's report text and a finding per returned or low-scored article). Every figure comes
 * from the sheet's tallies, the same ones the assessment page shows.
 */
final class AssessmentDocuments {

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };

	private AssessmentDocuments() {
	}

	static String selfTitle(AssessmentSheet sheet) {
		return sheet.assessment().getHolderName() + sheet.assessment().getYear() + "年度民族团结进步创建自评报告";
	}

	static String evaluationTitle(AssessmentSheet sheet) {
		return sheet.assessment().getHolderName() + sheet.assessment().getYear() + "年度民族团结进步创建第三方评估报告";
	}

	static byte[] selfReport(AssessmentSheet sheet, String purpose, LocalDate today) {
		try (var document = new OfficialDocument()) {
			var self = sheet.self();
			document.title(selfTitle(sheet));
			facts(document, sheet, purpose);
			int section = 0;
			document.heading(numeral(section++) + "、总体情况");
			document.body("自评总分" + Numbers.text(self.total()) + "分（条目得分" + Numbers.text(self.articles()) + "分，加分"
					+ Numbers.text(self.bonus()) + "分，扣分" + Numbers.text(self.penalties()) + "分），达标线"
					+ Numbers.text(self.passMark()) + "分，" + verdict(self) + "。已自评" + sheet.selfScored() + "项，共"
					+ sheet.rows().size() + "项。");
			document.heading(numeral(section++) + "、分项自评得分");
			int category = 0;
			for (var branch : sheet.tree().categories()) {
				var articles = articles(branch);
				document.subheading("（" + numeral(category++) + "）" + branch.node().getCode() + " " + branch.node().getTitle()
						+ "（" + Numbers.text(branch.node().getPoints()) + "分，自评"
						+ Numbers.text(sum(sheet, articles, AssessmentScore::getSelfScore)) + "分）");
				var rows = new ArrayList<List<String>>();
				for (var article : articles) {
					var score = sheet.row(article).score();
					rows.add(List.of(article.getCode(), article.getTitle(), Numbers.text(article.getPoints()),
							Numbers.text(score.getSelfScore()), text(score.getSelfNote())));
				}
				document.table(List.of("编号", "条目", "分值", "自评", "说明"), rows);
			}
			document.heading(numeral(section++) + "、加分、扣分与一票否决");
			lists(document, sheet, self, AssessmentScore::getSelfScore);
			document.heading(numeral(section++) + "、差距分析");
			gap(document, self, "自评");
			document.right(sheet.assessment().getHolderName(), true);
			document.right(OfficialDocument.date(today), false);
			return document.bytes();
		}
	}

	static byte[] evaluationReport(AssessmentSheet sheet, String purpose, LocalDate today) {
		try (var document = new OfficialDocument()) {
			var assessment = sheet.assessment();
			var evaluator = sheet.evaluator();
			var adopted = sheet.adopted();
			document.title(evaluationTitle(sheet));
			facts(document, sheet, purpose);
			if (assessment.getReportBy() != null || assessment.getEvaluatedOn() != null) {
				document.body("评估人：" + text(assessment.getReportBy()) + "；评估完成日期："
						+ (assessment.getEvaluatedOn() == null ? "—" : OfficialDocument.date(assessment.getEvaluatedOn())) + "。");
			}
			int section = 0;
			document.heading(numeral(section++) + "、评估结论");
			document.body("自评总分" + Numbers.text(sheet.self().total()) + "分，评估总分" + Numbers.text(evaluator.total())
					+ "分（条目得分" + Numbers.text(evaluator.articles()) + "分，加分" + Numbers.text(evaluator.bonus()) + "分，扣分"
					+ Numbers.text(evaluator.penalties()) + "分），采信总分" + Numbers.text(adopted.total()) + "分，达标线"
					+ Numbers.text(adopted.passMark()) + "分，" + verdict(adopted) + "。已评估" + sheet.evaluated() + "项，共"
					+ sheet.rows().size() + "项。");
			document.heading(numeral(section++) + "、分项得分");
			int category = 0;
			for (var branch : sheet.tree().categories()) {
				var articles = articles(branch);
				document.subheading("（" + numeral(category++) + "）" + branch.node().getCode() + " " + branch.node().getTitle()
						+ "（" + Numbers.text(branch.node().getPoints()) + "分，自评"
						+ Numbers.text(sum(sheet, articles, AssessmentScore::getSelfScore)) + "分，评估"
						+ Numbers.text(sum(sheet, articles, AssessmentScore::getEvaluatorScore)) + "分，采信"
						+ Numbers.text(sum(sheet, articles, AssessmentDocuments::adopted)) + "分）");
				var rows = new ArrayList<List<String>>();
				for (var article : articles) {
					var score = sheet.row(article).score();
					rows.add(List.of(article.getCode(), article.getTitle(), Numbers.text(article.getPoints()),
							Numbers.text(score.getSelfScore()), Numbers.text(score.getEvaluatorScore()),
							Numbers.text(adopted(score)), text(score.getEvaluatorNote())));
				}
				document.table(List.of("编号", "条目", "分值", "自评", "评估", "采信", "评估意见"), rows);
			}
			document.heading(numeral(section++) + "、加分、扣分与一票否决");
			lists(document, sheet, adopted, AssessmentDocuments::adopted);
			document.heading(numeral(section++) + "、评估意见");
			var report = assessment.getReportText();
			lines(report).forEach(document::body);
			document.heading(numeral(section++) + "、问题清单");
			var findings = findings(sheet);
			if (findings.isEmpty()) {
				document.body("各条目均得满分，未发现问题。");
			}
			findings.forEach(document::body);
			document.heading(numeral(section++) + "、差距分析");
			gap(document, adopted, "采信");
			document.right(text(assessment.getReportBy()), true);
			document.right(OfficialDocument.date(today), false);
			return document.bytes();
		}
	}

	/** A finding per article the reviewer returned or scored below its points, in tree order. */
	static List<String> findings(AssessmentSheet sheet) {
		var findings = new ArrayList<String>();
		int number = 1;
		for (var article : sheet.tree().articles()) {
			var score = sheet.row(article).score();
			var evaluated = score.getEvaluatorScore();
			boolean low = evaluated != null && evaluated.compareTo(Objects.requireNonNull(article.getPoints())) < 0;
			if (!low && !score.isReturned()) {
				continue;
			}
			var finding = new StringBuilder().append(number++).append(". ").append(article.getCode()).append(' ')
				.append(article.getTitle()).append("：");
			if (evaluated != null) {
				finding.append("评估").append(Numbers.text(evaluated)).append("分（分值").append(Numbers.text(article.getPoints()))
					.append("分）");
			}
			if (score.isReturned()) {
				finding.append(evaluated != null ? "，" : "").append("已退回补充材料");
				if (score.getReturnNote() != null) {
					finding.append("：").append(score.getReturnNote());
				}
			}
			if (score.getEvaluatorNote() != null) {
				finding.append("。").append(score.getEvaluatorNote());
			}
			finding.append("。");
			findings.add(finding.toString().replace("。。", "。"));
		}
		return findings;
	}

	private static void facts(OfficialDocument document, AssessmentSheet sheet, String purpose) {
		var assessment = sheet.assessment();
		var framework = sheet.framework();
		document.body("测评对象：" + assessment.getHolderName() + "；年度：" + assessment.getYear() + "年；用途：" + purpose + "；指标体系："
				+ framework.getName() + " 第" + framework.getVersionNumber() + "版（基础分" + Numbers.text(framework.getBasePoints())
				+ "分，达标线" + Numbers.text(framework.getPassMark()) + "分）。");
		if (framework.isDemonstration()) {
			document.body("说明：本指标体系为演示用（非正式指标体系），依据已收集的公开材料片段编写，并非国家或省级正式测评指标，"
					+ "本报告仅供演示，请以正式印发的指标体系为准。");
		}
	}

	private static void lists(OfficialDocument document, AssessmentSheet sheet, Tally tally,
			Function<AssessmentScore, @Nullable BigDecimal> which) {
		var tree = sheet.tree();
		document.body("加分" + Numbers.text(tally.bonusClaimed()) + "分"
				+ (sheet.framework().getBonusCap() == null ? "" : "（上限" + Numbers.text(sheet.framework().getBonusCap()) + "分）")
				+ "，计入" + Numbers.text(tally.bonus()) + "分；扣分" + Numbers.text(tally.penaltiesClaimed()) + "分，计入"
				+ Numbers.text(tally.penalties()) + "分。");
		for (var list : List.of(tree.bonus(), tree.penalties())) {
			for (var node : list) {
				var value = which.apply(sheet.row(node).score());
				if (value != null && value.signum() > 0) {
					document.body((node.getLevel() == NodeLevel.BONUS ? "加分：" : "扣分：") + node.getCode() + " " + node.getTitle()
							+ "，" + Numbers.text(value) + "分。");
				}
			}
		}
		if (tally.vetoed()) {
			tally.vetoesHit().forEach(veto -> document.body("一票否决：" + veto.getCode() + " " + veto.getTitle() + "，已触发。"));
		}
		else {
			document.body("一票否决：" + tree.vetoes().size() + "项，均未触发。");
		}
	}

	private static void gap(OfficialDocument document, Tally tally, String which) {
		if (tally.passed()) {
			document.body(which + "总分" + Numbers.text(tally.total()) + "分，已达到达标线" + Numbers.text(tally.passMark()) + "分。");
			return;
		}
		document.body("为什么未达标：");
		tally.vetoesHit().forEach(veto -> document.body("触发一票否决：" + veto.getCode() + " " + veto.getTitle() + "。"));
		if (tally.shortBy().signum() > 0) {
			document.body(which + "总分距达标线还差" + Numbers.text(tally.shortBy()) + "分。");
		}
		if (tally.unscored() > 0) {
			document.body("还有" + tally.unscored() + "条未评分。");
		}
		if (tally.shortBy().signum() > 0 && !tally.recoverable().isEmpty()) {
			var where = new StringBuilder("可以从这些条目补分：");
			tally.recoverable().stream().limit(8).forEach(gap -> where.append(gap.article().getCode()).append(' ')
				.append(gap.article().getTitle()).append("（可补").append(Numbers.text(gap.recoverable())).append("分）；"));
			where.setCharAt(where.length() - 1, '。');
			document.body(where.toString());
		}
	}

	private static String verdict(Tally tally) {
		if (tally.vetoed()) {
			return "触发一票否决，未达标";
		}
		return tally.passed() ? "达标" : "未达标";
	}

	static List<IndicatorNode> articles(FrameworkTree.Branch category) {
		return category.children()
			.stream()
			.flatMap(item -> item.children().stream())
			.map(FrameworkTree.Branch::node)
			.toList();
	}

	static @Nullable BigDecimal sum(AssessmentSheet sheet, List<IndicatorNode> articles,
			Function<AssessmentScore, @Nullable BigDecimal> which) {
		BigDecimal sum = null;
		for (var article : articles) {
			var value = which.apply(sheet.row(article).score());
			if (value != null) {
				sum = (sum == null ? BigDecimal.ZERO : sum).add(value);
			}
		}
		return sum;
	}

	/** The adopted score, or the evaluator's where none was adopted: the score that counts. */
	static @Nullable BigDecimal adopted(AssessmentScore score) {
		return score.getAdoptedScore() != null ? score.getAdoptedScore() : score.getEvaluatorScore();
	}

	private static String numeral(int index) {
		return index < NUMERALS.length ? NUMERALS[index] : String.valueOf(index + 1);
	}

	private static String text(@Nullable String value) {
		return value == null || value.isBlank() ? "—" : value.strip();
	}

	private static List<String> lines(@Nullable String text) {
		var lines = text == null ? List.<String>of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		return lines.isEmpty() ? List.of("（评估意见尚未填写）") : lines;
	}

}
