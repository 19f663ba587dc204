package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRow.Column;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.WholeNumber;

/** The forms of the framework editor, as typed; numbers arrive as text and are read by the constraints and the row parser. */
public final class FrameworkForms {

	private FrameworkForms() {
	}

	/** 新建测评指标: its kind and its first settings; the issuer is the admin's own region. */
	public record NewFrameworkForm(@Nullable UUID submission, @NotNull @Nullable FrameworkKind kind,
			@Required @PlainText(max = 120) @Nullable String name, @Required @PointsText @Nullable String basePoints,
			@Required @PointsText @Nullable String passMark, @PointsText @Nullable String bonusCap,
			@PointsText @Nullable String penaltyCap, @Required @WholeNumber(min = 0, max = 90) @Nullable String appealDays,
			@Nullable List<RegionLevel> approvalLevels, @Nullable Boolean demonstration,
			@PlainText(max = 1000, multiline = true) @Nullable String note) {

		public static NewFrameworkForm empty() {
			return new NewFrameworkForm(null, FrameworkKind.COUNTY, "", "100", "90", "", "", "10",
					List.of(RegionLevel.COUNTY, RegionLevel.PREFECTURE), false, "");
		}

		FrameworkSettings settings() {
			return SettingsForm.settings(name, basePoints, passMark, bonusCap, penaltyCap, appealDays, approvalLevels,
					demonstration, note);
		}

	}

	/** 设置: a draft's settings, with the framework's version the form was opened at. */
	public record SettingsForm(@Required @PlainText(max = 120) @Nullable String name,
			@Required @PointsText @Nullable String basePoints, @Required @PointsText @Nullable String passMark,
			@PointsText @Nullable String bonusCap, @PointsText @Nullable String penaltyCap,
			@Required @WholeNumber(min = 0, max = 90) @Nullable String appealDays,
			@Nullable List<RegionLevel> approvalLevels, @Nullable Boolean demonstration,
			@PlainText(max = 1000, multiline = true) @Nullable String note, @Nullable Long version) {

		public static SettingsForm of(IndicatorFramework framework) {
			var settings = framework.settings();
			return new SettingsForm(settings.name(), FrameworkChecks.plain(settings.basePoints()),
					FrameworkChecks.plain(settings.passMark()), plain(settings.bonusCap()), plain(settings.penaltyCap()),
					String.valueOf(settings.appealDays()), settings.approvalLevels(), settings.demonstration(),
					settings.note() == null ? "" : settings.note(), framework.getVersion());
		}

		FrameworkSettings settings() {
			return settings(name, basePoints, passMark, bonusCap, penaltyCap, appealDays, approvalLevels, demonstration, note);
		}

		/** The settings of a form its constraints passed; the approval levels lowest first. */
		static FrameworkSettings settings(@Nullable String name, @Nullable String basePoints, @Nullable String passMark,
				@Nullable String bonusCap, @Nullable String penaltyCap, @Nullable String appealDays,
				@Nullable List<RegionLevel> approvalLevels, @Nullable Boolean demonstration, @Nullable String note) {
			var levels = approvalLevels == null ? List.<RegionLevel>of()
					: approvalLevels.stream()
						.filter(java.util.Objects::nonNull)
						.distinct()
						.sorted(java.util.Comparator.reverseOrder())
						.toList();
			var days = FormText.wholeNumber(appealDays);
			return new FrameworkSettings(FormText.clean(name), required(basePoints), required(passMark),
					FrameworkRows.points(FormText.clean(bonusCap)), FrameworkRows.points(FormText.clean(penaltyCap)),
					days == null ? 10 : days, levels, Boolean.TRUE.equals(demonstration), FormText.clean(note));
		}

		private static BigDecimal required(@Nullable String points) {
			var value = FrameworkRows.points(FormText.clean(points));
			if (value == null) {
				throw new IllegalArgumentException("Points the form's constraints passed: " + points);
			}
			return value;
		}

		private static String plain(@Nullable BigDecimal points) {
			return points == null ? "" : FrameworkChecks.plain(points);
		}

	}

	/**
	 * A node as the editor types it: its level and parent's code (fixed once it exists), code,
	 * title, points, requirement, the evidence and test methods ticked, and for an article its
	 * scoring method with its parameter (扣分制: the deduction; 分档: the tiers), the live figure
	 * and its target; where the row came from; the framework's version the form was opened at.
	 * Read by the same parser as a spreadsheet row ({@link #row()}).
	 */
	public record NodeForm(@NotNull @Nullable NodeLevel level, @PlainText(max = 20) @Nullable String parent,
			@Required @PlainText(max = 20) @Nullable String code, @Required @PlainText(max = 200) @Nullable String title,
			@PlainText(max = 20) @Nullable String points, @PlainText(max = 2000, multiline = true) @Nullable String requirement,
			@Nullable Set<EvidenceKind> evidenceKinds, @Nullable Set<TestMethod> testMethods,
			@Nullable ScoringMethod scoringMethod, @PlainText(max = 200) @Nullable String parameter,
			@Nullable LiveMetric metric, @PlainText(max = 20) @Nullable String target,
			@PlainText(max = 300) @Nullable String source, @Nullable Long version) {

		/** A new node of {@code level} under {@code parent} (a code; none for a category or the 奖惩清单). */
		public static NodeForm child(NodeLevel level, @Nullable String parent, String code, long version) {
			return new NodeForm(level, parent, code, "", "", "", Set.of(), Set.of(),
					level == NodeLevel.ARTICLE ? ScoringMethod.JUDGEMENT : null, "", null, "", "", version);
		}

		public static NodeForm of(IndicatorNode node, @Nullable String parentCode, long version) {
			var row = FrameworkRows.row(0, node.content(), parentCode);
			return new NodeForm(node.getLevel(), parentCode, node.getCode(), node.getTitle(), row.get(Column.POINTS),
					row.get(Column.REQUIREMENT), node.evidenceKinds(), node.testMethods(), node.getScoringMethod(),
					row.get(Column.PARAMETER), node.getMetric(), row.get(Column.TARGET), row.get(Column.SOURCE), version);
		}

		/** The form as the sheet's row would say it, for the one parser. */
		FrameworkRow row() {
			var cells = new LinkedHashMap<Column, @Nullable String>();
			cells.put(Column.LEVEL, level == null ? null : FrameworkRows.label(FrameworkRows.LEVELS, level));
			cells.put(Column.CODE, code);
			cells.put(Column.PARENT, parent);
			cells.put(Column.TITLE, title);
			cells.put(Column.POINTS, points);
			cells.put(Column.REQUIREMENT, requirement);
			cells.put(Column.EVIDENCE, FrameworkRows.labels(FrameworkRows.EVIDENCE, evidenceKinds == null ? Set.of() : evidenceKinds));
			cells.put(Column.TEST_METHODS,
					FrameworkRows.labels(FrameworkRows.TEST_METHODS, testMethods == null ? Set.of() : testMethods));
			cells.put(Column.SCORING, scoringMethod == null ? null : FrameworkRows.label(FrameworkRows.SCORING, scoringMethod));
			cells.put(Column.PARAMETER, parameter);
			cells.put(Column.METRIC, metric == null ? null : metric.name());
			cells.put(Column.TARGET, target);
			cells.put(Column.SOURCE, source);
			return FrameworkRow.of(0, cells);
		}

	}

}
