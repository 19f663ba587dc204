package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One set of scores added up against a framework, computed by hand: three articles of 50, 30 and
 * 20 points, bonus items of 3, 2 and 2 (the bonus capped at 5), penalties of 2 and 1, two vetoes,
 * pass mark 90.
 */
class TallyTests {

	private TestFramework framework;

	private IndicatorNode a1;

	private IndicatorNode a2;

	private IndicatorNode a3;

	private IndicatorNode j1;

	private IndicatorNode j2;

	private IndicatorNode j3;

	private IndicatorNode k1;

	private IndicatorNode k2;

	private IndicatorNode f1;

	private final Map<Long, BigDecimal> scores = new HashMap<>();

	@BeforeEach
	void framework() {
		framework = TestFramework.framework().bonusCap("5");
		var category = framework.category("1", "100");
		var item = framework.item(category, "1.1", "100");
		a1 = framework.article(item, "1.1.1", "50");
		a2 = framework.article(item, "1.1.2", "30");
		a3 = framework.article(item, "1.1.3", "20");
		j1 = framework.bonus("J1", "3");
		j2 = framework.bonus("J2", "2");
		j3 = framework.bonus("J3", "2");
		k1 = framework.penalty("K1", "2");
		k2 = framework.penalty("K2", "1");
		f1 = framework.veto("F1");
		framework.veto("F2");
	}

	@Test
	void theBonusCountsUpToItsCapAndExactlyNinetyPasses() {
		score(a1, "40").score(a2, "30").score(a3, "15").score(j1, "3").score(j2, "2").score(j3, "2");
		var tally = tally();
		assertThat(tally.articles()).isEqualByComparingTo("85");
		assertThat(tally.bonusClaimed()).isEqualByComparingTo("7");
		assertThat(tally.bonus()).isEqualByComparingTo("5");
		// 85 + 5 = 90: the pass mark reached exactly
		assertThat(tally.total()).isEqualByComparingTo("90");
		assertThat(tally.passed()).isTrue();
		assertThat(tally.shortBy()).isEqualByComparingTo("0");
	}

	@Test
	void eightyNineNinetyNineFailsByOneHundredth() {
		score(a1, "39.99").score(a2, "30").score(a3, "15").score(j1, "3").score(j2, "2");
		var tally = tally();
		assertThat(tally.total()).isEqualByComparingTo("89.99");
		assertThat(tally.passed()).isFalse();
		assertThat(tally.shortBy()).isEqualByComparingTo("0.01");
	}

	@Test
	void uncappedPenaltiesAreDeductedWhole() {
		score(a1, "40").score(a2, "30").score(a3, "15").score(j1, "3").score(j2, "2").score(k1, "2").score(k2, "1");
		var tally = tally();
		assertThat(tally.penalties()).isEqualByComparingTo("3");
		// 85 + 5 − 3 = 87
		assertThat(tally.total()).isEqualByComparingTo("87");
		assertThat(tally.passed()).isFalse();
		assertThat(tally.shortBy()).isEqualByComparingTo("3");
	}

	@Test
	void cappedPenaltiesAreDeductedUpToTheirCap() {
		framework.penaltyCap("2");
		score(a1, "40").score(a2, "30").score(a3, "15").score(j1, "3").score(j2, "2").score(k1, "2").score(k2, "1");
		var tally = tally();
		assertThat(tally.penaltiesClaimed()).isEqualByComparingTo("3");
		assertThat(tally.penalties()).isEqualByComparingTo("2");
		// 85 + 5 − 2 = 88
		assertThat(tally.total()).isEqualByComparingTo("88");
	}

	@Test
	void aNegativeTotalIsFlooredAtZero() {
		score(a1, "1").score(a2, "0").score(a3, "0").score(k1, "2").score(k2, "1");
		// 1 − 3 = −2, floored
		assertThat(tally().total()).isEqualByComparingTo("0");
		assertThat(tally().shortBy()).isEqualByComparingTo("90");
	}

	@Test
	void aVetoFailsWhateverTheTotal() {
		score(a1, "50").score(a2, "30").score(a3, "20").score(j1, "3").score(f1, "1");
		var tally = tally();
		assertThat(tally.total()).isEqualByComparingTo("103");
		assertThat(tally.vetoed()).isTrue();
		assertThat(tally.vetoesHit()).extracting(IndicatorNode::getCode).containsExactly("F1");
		assertThat(tally.passed()).isFalse();
		// A veto scored 0 is not hit.
		score(f1, "0");
		assertThat(tally().passed()).isTrue();
	}

	@Test
	void unscoredArticlesCountZeroAndLeadTheGapByThePointsStillToGain() {
		score(a1, "50").score(a3, "10");
		var tally = tally();
		assertThat(tally.articles()).isEqualByComparingTo("60");
		assertThat(tally.unscored()).isEqualTo(1);
		assertThat(tally.recoverable()).extracting(gap -> gap.article().getCode() + " " + gap.score() + " "
				+ gap.recoverable().stripTrailingZeros().toPlainString())
			.containsExactly("1.1.2 null 30", "1.1.3 10 10");
		assertThat(tally.shortBy()).isEqualByComparingTo("30");
	}

	@Test
	void aClaimBeyondAnItemsPointsCountsItsPoints() {
		score(a1, "50").score(a2, "30").score(a3, "20").score(j1, "9");
		var tally = tally();
		assertThat(tally.bonusClaimed()).isEqualByComparingTo("3");
		assertThat(tally.total()).isEqualByComparingTo("103");
	}

	private TallyTests score(IndicatorNode node, String score) {
		scores.put(node.getId(), new BigDecimal(score));
		return this;
	}

	private Tally tally() {
		return Tally.of(framework.version(), framework.nodes(), scores);
	}

}
