package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * How one article turns into points: its method and the method's parameters, and the live figure
 * it may be scored from with its target. It says which scores an assessor may give
 * ({@link #allows}) and, from a figure's value, the score it proposes ({@link #propose}). Scores
 * have two decimals, rounded half up.
 * <ul>
 * <li>扣分制: the points less {@code deduction} per shortfall, not below 0. From a figure, each
 * begun unit short of the target (above it, for a figure where lower is better) is a shortfall.</li>
 * <li>分档: the share of the first tier whose threshold the achievement (value of target, in per
 * cent) reaches; 0 below the last.</li>
 * <li>比例: the points times value over target, at most the points.</li>
 * <li>是否: the points if the target is met (value at least the target, or at most it where lower
 * is better), else 0.</li>
 * <li>评议: any score from 0 to the points; never proposed.</li>
 * </ul>
 */
public record Scoring(ScoringMethod method, BigDecimal points, @Nullable BigDecimal deduction, List<Tier> tiers,
		@Nullable LiveMetric metric, @Nullable BigDecimal target) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Scoring {
		tiers = List.copyOf(tiers);
	}

	/** What is wrong with the parameters, as a message key; empty when it can score. */
	public Optional<String> problem() {
		if (method == ScoringMethod.DEDUCTION && (deduction == null || deduction.signum() <= 0)) {
			return Optional.of("framework.problem.deduction");
		}
		if (method == ScoringMethod.TIERS && tiers.isEmpty()) {
			return Optional.of("framework.problem.tiers");
		}
		if (metric == null) {
			return Optional.empty();
		}
		if (target == null || (method != ScoringMethod.DEDUCTION && method != ScoringMethod.YES_NO && target.signum() <= 0)) {
			return Optional.of("framework.problem.target");
		}
		if (method == ScoringMethod.JUDGEMENT) {
			return Optional.of("framework.problem.metricJudgement");
		}
		if (metric.lowerIsBetter() && (method == ScoringMethod.TIERS || method == ScoringMethod.RATIO)) {
			return Optional.of("framework.problem.metricDirection");
		}
		return Optional.empty();
	}

	/** Whether an assessor may give {@code score} under this method. */
	public boolean allows(BigDecimal score) {
		if (score.signum() < 0 || score.compareTo(points) > 0 || score.stripTrailingZeros().scale() > 2) {
			return false;
		}
		return switch (method) {
			case YES_NO -> score.signum() == 0 || score.compareTo(points) == 0;
			case TIERS -> score.signum() == 0 || tiers.stream().anyMatch(tier -> share(tier).compareTo(score) == 0);
			case DEDUCTION -> score.signum() == 0 || isWholeMultiple(points.subtract(score), deduction);
			case RATIO, JUDGEMENT -> true;
		};
	}

	/** The score the figure's value proposes; empty for an article with no live figure, a 评议 one, or no value. */
	public Optional<BigDecimal> propose(@Nullable Double value) {
		if (metric == null || value == null || target == null || problem().isPresent()) {
			return Optional.empty();
		}
		var figure = BigDecimal.valueOf(value);
		var score = switch (method) {
			case DEDUCTION -> {
				var shortfall = metric.lowerIsBetter() ? figure.subtract(target) : target.subtract(figure);
				var count = shortfall.signum() <= 0 ? BigDecimal.ZERO : shortfall.setScale(0, RoundingMode.CEILING);
				yield points.subtract(deduction.multiply(count)).max(BigDecimal.ZERO);
			}
			case TIERS -> {
				var achievement = figure.multiply(HUNDRED).divide(target, 6, RoundingMode.HALF_UP);
				yield tiers.stream()
					.filter(tier -> achievement.compareTo(tier.threshold()) >= 0)
					.findFirst()
					.map(this::share)
					.orElse(BigDecimal.ZERO);
			}
			case RATIO -> points.multiply(figure).divide(target, 6, RoundingMode.HALF_UP).min(points).max(BigDecimal.ZERO);
			case YES_NO -> (metric.lowerIsBetter() ? figure.compareTo(target) <= 0 : figure.compareTo(target) >= 0) ? points
					: BigDecimal.ZERO;
			case JUDGEMENT -> BigDecimal.ZERO;
		};
		return Optional.of(score.setScale(2, RoundingMode.HALF_UP));
	}

	/** The points a tier gives. */
	private BigDecimal share(Tier tier) {
		return points.multiply(tier.share()).divide(HUNDRED, 2, RoundingMode.HALF_UP);
	}

	private static boolean isWholeMultiple(BigDecimal amount, @Nullable BigDecimal step) {
		return step != null && step.signum() > 0 && amount.remainder(step).signum() == 0;
	}

}
