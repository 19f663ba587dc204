package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One set of scores (the holder's, the evaluator's or the adopted ones) added up against a
 * framework version: the articles' sum, plus the bonus items' sum up to the bonus cap, less the
 * penalties' sum (up to the penalty cap, if any), never below 0; whether any veto item was hit;
 * passed when the total reaches the pass mark (exactly 90 passes) and no veto was hit, whatever
 * the total. An article not yet scored counts 0 and is listed among the gaps as such.
 * <p>
 * The gap ({@link #recoverable()}): the articles ranked by the points still to be gained
 * (points less score), largest first, which is where a holder short of the pass mark should look.
 */
public record Tally(BigDecimal articles, BigDecimal bonusClaimed, BigDecimal bonus, BigDecimal penaltiesClaimed,
		BigDecimal penalties, BigDecimal total, BigDecimal passMark, List<IndicatorNode> vetoesHit, List<Gap> recoverable,
		int unscored) {

	/** An article and the points it could still give. */
	public record Gap(IndicatorNode article, @Nullable BigDecimal score, BigDecimal recoverable) {
	}

	private static final BigDecimal HIT = BigDecimal.ONE;

	public Tally {
		vetoesHit = List.copyOf(vetoesHit);
		recoverable = List.copyOf(recoverable);
	}

	/** The tally of {@code scores} (by node id; a veto's score 1 means hit) over the version's nodes. */
	public static Tally of(IndicatorFramework framework, Collection<IndicatorNode> nodes, Map<Long, BigDecimal> scores) {
		var articles = BigDecimal.ZERO;
		var bonus = BigDecimal.ZERO;
		var penalties = BigDecimal.ZERO;
		var vetoes = new ArrayList<IndicatorNode>();
		var gaps = new ArrayList<Gap>();
		int unscored = 0;
		for (var node : nodes) {
			var score = scores.get(node.getId());
			switch (node.getLevel()) {
				case ARTICLE -> {
					var points = Objects.requireNonNull(node.getPoints());
					var counted = score == null ? BigDecimal.ZERO : score.min(points).max(BigDecimal.ZERO);
					articles = articles.add(counted);
					if (score == null) {
						unscored++;
					}
					if (score == null || counted.compareTo(points) < 0) {
						gaps.add(new Gap(node, score, points.subtract(counted)));
					}
				}
				case BONUS -> bonus = bonus.add(claimed(node, score));
				case PENALTY -> penalties = penalties.add(claimed(node, score));
				case VETO -> {
					if (score != null && score.compareTo(HIT) == 0) {
						vetoes.add(node);
					}
				}
				default -> {
				}
			}
		}
		var countedBonus = framework.getBonusCap() == null ? bonus : bonus.min(framework.getBonusCap());
		var countedPenalties = framework.getPenaltyCap() == null ? penalties : penalties.min(framework.getPenaltyCap());
		var total = articles.add(countedBonus).subtract(countedPenalties).max(BigDecimal.ZERO);
		gaps.sort(Comparator.comparing(Gap::recoverable).reversed().thenComparing(gap -> gap.article().getCode()));
		return new Tally(articles, bonus, countedBonus, penalties, countedPenalties, total, framework.getPassMark(), vetoes,
				gaps, unscored);
	}

	/** A bonus or penalty item counts its points at most: the score says how much of it applies. */
	private static BigDecimal claimed(IndicatorNode node, @Nullable BigDecimal score) {
		if (score == null) {
			return BigDecimal.ZERO;
		}
		return score.min(Objects.requireNonNull(node.getPoints())).max(BigDecimal.ZERO);
	}

	public boolean vetoed() {
		return !vetoesHit.isEmpty();
	}

	public boolean passed() {
		return !vetoed() && total.compareTo(passMark) >= 0;
	}

	/** The points missing to the pass mark; 0 when reached. */
	public BigDecimal shortBy() {
		return passMark.subtract(total).max(BigDecimal.ZERO);
	}

}
