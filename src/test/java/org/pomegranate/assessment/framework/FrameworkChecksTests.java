package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Whether a version's points add up before it is published: each item's articles to the item,
 * each category's items to the category, the categories to the base; no empty category or item;
 * every article scorable; a cap for the bonus, no points on a veto, no code twice.
 */
class FrameworkChecksTests {

	@Test
	void aVersionWhosePointsAddUpHasNoProblem() {
		var framework = TestFramework.framework().bonusCap("5");
		var first = framework.category("1", "60");
		var item = framework.item(first, "1.1", "60");
		framework.article(item, "1.1.1", "35.5");
		framework.article(item, "1.1.2", "24.5", ScoringMethod.DEDUCTION, "0.5", "");
		var second = framework.category("2", "40");
		framework.article(framework.item(second, "2.1", "40"), "2.1.1", "40", ScoringMethod.TIERS, null, "95:100;90:80");
		framework.bonus("J1", "3");
		framework.penalty("K1", "2");
		framework.veto("F1");
		assertThat(problems(framework)).isEmpty();
	}

	@Test
	void eachItemsArticlesEachCategorysItemsAndTheCategoriesMustAddUp() {
		var framework = TestFramework.framework();
		var first = framework.category("1", "50");
		var item = framework.item(first, "1.1", "35");
		framework.article(item, "1.1.1", "20");
		framework.article(item, "1.1.2", "14");
		var second = framework.category("2", "45");
		framework.article(framework.item(second, "2.1", "45"), "2.1.1", "45");
		// 1.1: 20 + 14 = 34 of 35; category 1: 35 of 50; the categories: 50 + 45 = 95 of 100
		// In the order of the nodes, the whole last.
		assertThat(problems(framework)).containsExactly("framework.problem.sum.CATEGORY 1 [35, 50]",
				"framework.problem.sum.ITEM 1.1 [34, 35]", "framework.problem.base  [95, 100]");
	}

	@Test
	void anEmptyCategoryOrItemIsAProblem() {
		var framework = TestFramework.framework();
		var first = framework.category("1", "60");
		framework.item(first, "1.1", "60");
		framework.category("2", "40");
		assertThat(problems(framework)).containsExactly("framework.problem.empty.ITEM 1.1 []",
				"framework.problem.empty.CATEGORY 2 []");
		assertThat(problems(TestFramework.framework())).containsExactly("framework.problem.noCategories  []");
	}

	@Test
	void anArticleThatCannotBeScoredIsAProblem() {
		var framework = TestFramework.framework();
		var item = framework.item(framework.category("1", "100"), "1.1", "100");
		framework.article(item, "1.1.1", "50", ScoringMethod.DEDUCTION, null, "");
		framework.article(item, "1.1.2", "30", ScoringMethod.TIERS, null, "");
		framework.article(item, "1.1.3", "20", null, null, "");
		assertThat(problems(framework)).containsExactly("framework.problem.deduction 1.1.1 []",
				"framework.problem.tiers 1.1.2 []", "framework.problem.scoring 1.1.3 []");
	}

	@Test
	void theBonusNeedsACapAVetoNoPointsAndACodeIsUsedOnce() {
		var framework = TestFramework.framework().passMark("101");
		framework.article(framework.item(framework.category("1", "100"), "1.1", "100"), "1.1.1", "100");
		framework.bonus("J1", "3");
		framework.vetoWithPoints("F1", "5");
		framework.penalty("J1", "1");
		// The second J1 is the duplicate.
		assertThat(problems(framework)).containsExactly("framework.problem.vetoPoints F1 []",
				"framework.problem.duplicateCode J1 []", "framework.problem.passMark  [101, 100]",
				"framework.problem.bonusCap  []");
	}

	private static List<String> problems(TestFramework framework) {
		return FrameworkChecks.problems(framework.version(), framework.nodes())
			.stream()
			.map(p -> p.key() + " " + p.code() + " " + p.arguments())
			.toList();
	}

}
