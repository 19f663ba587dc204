package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Every scoring method against examples computed by hand, the edges included: a deduction never
 * below 0 and counted per begun unit, a tier met exactly and just missed, a ratio capped at the
 * points, 是否 on a figure where lower is better, 评议 never proposed; and which scores an
 * assessor may give under each method.
 */
class ScoringTests {

	// 扣分制

	/** 按期走访结对户: 2 points, 0.2 off per household overdue, the target none overdue. */
	private static final Scoring OVERDUE = new Scoring(ScoringMethod.DEDUCTION, points("2"), points("0.2"), List.of(),
			LiveMetric.OVERDUE_VISITS, points("0"));

	@Test
	void aDeductionTakesItsAmountPerShortfallAndNeverGoesBelowZero() {
		assertThat(OVERDUE.propose(0.0)).contains(points("2.00"));
		// 3 overdue: 2 − 3 × 0.2 = 1.4
		assertThat(OVERDUE.propose(3.0)).contains(points("1.40"));
		// 10 overdue: 2 − 10 × 0.2 = 0, exactly nothing left
		assertThat(OVERDUE.propose(10.0)).contains(points("0.00"));
		// 15 overdue would be −1: floored at 0
		assertThat(OVERDUE.propose(15.0)).contains(points("0.00"));
	}

	@Test
	void aDeductionCountsEveryBegunUnitOfShortfall() {
		// 信访积案化解: 3 points, 0.5 off per case short of 10.
		var backlog = new Scoring(ScoringMethod.DEDUCTION, points("3"), points("0.5"), List.of(), LiveMetric.BACKLOG_CLOSED,
				points("10"));
		// 8.2 of 10: short by 1.8, two begun units: 3 − 2 × 0.5 = 2
		assertThat(backlog.propose(8.2)).contains(points("2.00"));
		// 9 of 10: one unit: 2.5
		assertThat(backlog.propose(9.0)).contains(points("2.50"));
		// Reaching or passing the target deducts nothing.
		assertThat(backlog.propose(10.0)).contains(points("3.00"));
		assertThat(backlog.propose(12.0)).contains(points("3.00"));
		// Where lower is better, 2.5 overdue households are three begun units: 2 − 0.6.
		assertThat(OVERDUE.propose(2.5)).contains(points("1.40"));
	}

	// 分档

	/** 联谊结对全覆盖: 2.5 points, tiers 100 % full, 95 % 80 %, 90 % 60 %, of a target of 100 %. */
	private static final Scoring COVERAGE = new Scoring(ScoringMethod.TIERS, points("2.5"), null,
			Tier.parse("100:100;95:80;90:60"), LiveMetric.PAIRING_COVERAGE, points("100"));

	@Test
	void aTierIsReachedWhenItsThresholdIsMetExactlyAndMissedJustBelow() {
		assertThat(COVERAGE.propose(100.0)).contains(points("2.50"));
		assertThat(COVERAGE.propose(99.99)).contains(points("2.00"));
		// 95 exactly: the 80 % tier, 2.5 × 0.8 = 2
		assertThat(COVERAGE.propose(95.0)).contains(points("2.00"));
		// just below 95: the 60 % tier, 2.5 × 0.6 = 1.5
		assertThat(COVERAGE.propose(94.99)).contains(points("1.50"));
		assertThat(COVERAGE.propose(90.0)).contains(points("1.50"));
		// below the last tier: nothing
		assertThat(COVERAGE.propose(89.99)).contains(points("0.00"));
		assertThat(COVERAGE.propose(0.0)).contains(points("0.00"));
	}

	@Test
	void tiersMeasureTheAchievementAgainstTheTarget() {
		// 群众评单满意率: 2 points, target 90 %; 85.5 % is 95 % of the target: the 80 % tier, 1.6.
		var satisfaction = new Scoring(ScoringMethod.TIERS, points("2"), null, Tier.parse("100:100;95:80;90:60"),
				LiveMetric.SATISFACTION, points("90"));
		assertThat(satisfaction.propose(85.5)).contains(points("1.60"));
		// 81 % is exactly 90 % of the target: 1.2
		assertThat(satisfaction.propose(81.0)).contains(points("1.20"));
		// above the target counts as the full tier
		assertThat(satisfaction.propose(96.0)).contains(points("2.00"));
	}

	// 比例

	/** 诉求化解率: 2 points times the rate over a target of 95 %. */
	private static final Scoring RESOLUTION = new Scoring(ScoringMethod.RATIO, points("2"), null, List.of(),
			LiveMetric.RESOLUTION_RATE, points("95"));

	@Test
	void aRatioIsThePointsTimesTheAchievementCappedAtThePoints() {
		// 76 of 95: 2 × 0.8 = 1.6
		assertThat(RESOLUTION.propose(76.0)).contains(points("1.60"));
		// 50 of 95: 2 × 0.526315… = 1.0526… → 1.05
		assertThat(RESOLUTION.propose(50.0)).contains(points("1.05"));
		assertThat(RESOLUTION.propose(95.0)).contains(points("2.00"));
		// beyond the target: capped at the points
		assertThat(RESOLUTION.propose(100.0)).contains(points("2.00"));
		assertThat(RESOLUTION.propose(0.0)).contains(points("0.00"));
	}

	// 是否

	@Test
	void yesOrNoGivesAllWhenTheTargetIsMetAndNothingOtherwise() {
		var wall = new Scoring(ScoringMethod.YES_NO, points("1.5"), null, List.of(), LiveMetric.WALL_POSTED, points("100"));
		assertThat(wall.propose(100.0)).contains(points("1.50"));
		assertThat(wall.propose(99.9)).contains(points("0.00"));
	}

	@Test
	void yesOrNoOnAFigureWhereLowerIsBetterIsMetAtOrBelowTheTarget() {
		// At most 5 households overdue for the point.
		var overdue = new Scoring(ScoringMethod.YES_NO, points("1"), null, List.of(), LiveMetric.OVERDUE_VISITS, points("5"));
		assertThat(overdue.propose(0.0)).contains(points("1.00"));
		assertThat(overdue.propose(5.0)).contains(points("1.00"));
		assertThat(overdue.propose(6.0)).contains(points("0.00"));
	}

	// 评议 and articles without a figure

	@Test
	void judgementAndArticlesWithoutAFigureAreNeverProposed() {
		var judgement = new Scoring(ScoringMethod.JUDGEMENT, points("3"), null, List.of(), null, null);
		assertThat(judgement.propose(100.0)).isEmpty();
		var judgementWithFigure = new Scoring(ScoringMethod.JUDGEMENT, points("3"), null, List.of(), LiveMetric.SATISFACTION,
				points("90"));
		assertThat(judgementWithFigure.problem()).contains("framework.problem.metricJudgement");
		assertThat(judgementWithFigure.propose(100.0)).isEmpty();
		var yesNoByHand = new Scoring(ScoringMethod.YES_NO, points("2"), null, List.of(), null, null);
		assertThat(yesNoByHand.propose(100.0)).isEmpty();
		// No value (a satisfaction rate with nothing rated): nothing proposed.
		assertThat(RESOLUTION.propose((Double) null)).isEmpty();
	}

	// allows

	@Test
	void yesOrNoAllowsAllOrNothing() {
		var yesNo = new Scoring(ScoringMethod.YES_NO, points("1.5"), null, List.of(), null, null);
		assertThat(allowed(yesNo, "0", "1.5", "1.50", "1", "0.75", "2", "-1.5")).containsExactly("0", "1.5", "1.50");
	}

	@Test
	void tiersAllowNothingAndEachTiersShare() {
		assertThat(allowed(COVERAGE, "0", "2.5", "2", "1.5", "1", "2.25", "3")).containsExactly("0", "2.5", "2", "1.5");
	}

	@Test
	void aDeductionAllowsThePointsLessWholeDeductionsAndNothing() {
		var deduction = new Scoring(ScoringMethod.DEDUCTION, points("1.5"), points("0.4"), List.of(), null, null);
		// 1.5, 1.1, 0.7, 0.3, and 0 where the last deduction would go below it
		assertThat(allowed(deduction, "1.5", "1.1", "0.7", "0.3", "0", "1.3", "1", "0.2", "1.9"))
			.containsExactly("1.5", "1.1", "0.7", "0.3", "0");
	}

	@Test
	void ratioAndJudgementAllowAnyScoreFromZeroToThePointsInHundredths() {
		for (var method : List.of(ScoringMethod.RATIO, ScoringMethod.JUDGEMENT)) {
			var scoring = new Scoring(method, points("2"), null, List.of(), null, null);
			assertThat(allowed(scoring, "0", "1.37", "2", "2.00", "2.01", "-0.01", "1.234")).as(method.name())
				.containsExactly("0", "1.37", "2", "2.00");
		}
	}

	// problem

	@Test
	void parametersThatCannotScoreAreNamed() {
		assertThat(new Scoring(ScoringMethod.DEDUCTION, points("2"), null, List.of(), null, null).problem())
			.contains("framework.problem.deduction");
		assertThat(new Scoring(ScoringMethod.TIERS, points("2"), null, List.of(), null, null).problem())
			.contains("framework.problem.tiers");
		assertThat(new Scoring(ScoringMethod.RATIO, points("2"), null, List.of(), LiveMetric.RESOLUTION_RATE, null).problem())
			.contains("framework.problem.target");
		assertThat(new Scoring(ScoringMethod.RATIO, points("2"), null, List.of(), LiveMetric.RESOLUTION_RATE, points("0"))
			.problem()).contains("framework.problem.target");
		// A deduction below a target of none overdue is fine.
		assertThat(OVERDUE.problem()).isEmpty();
		assertThat(new Scoring(ScoringMethod.RATIO, points("2"), null, List.of(), LiveMetric.OVERDUE_VISITS, points("3"))
			.problem()).contains("framework.problem.metricDirection");
		assertThat(new Scoring(ScoringMethod.TIERS, points("2"), null, Tier.parse("100:100"), LiveMetric.OVERDUE_VISITS,
				points("3")).problem()).contains("framework.problem.metricDirection");
	}

	private static List<String> allowed(Scoring scoring, String... scores) {
		return java.util.Arrays.stream(scores).filter(score -> scoring.allows(new BigDecimal(score))).toList();
	}

	private static BigDecimal points(String text) {
		return new BigDecimal(text);
	}

}
