package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a node says, apart from where it stands in the tree: what the editor's form and a
 * spreadsheet row carry. {@code source} is where a real system's row came from, or 演示 for an
 * invented one.
 */
public record NodeContent(NodeLevel level, String code, String title, @Nullable BigDecimal points,
		@Nullable String requirement, Set<EvidenceKind> evidenceKinds, Set<TestMethod> testMethods,
		@Nullable ScoringMethod scoringMethod, @Nullable BigDecimal deduction, List<Tier> tiers, @Nullable LiveMetric metric,
		@Nullable BigDecimal target, @Nullable String source) {

	public NodeContent {
		evidenceKinds = Set.copyOf(evidenceKinds);
		testMethods = Set.copyOf(testMethods);
		tiers = List.copyOf(tiers);
	}

	/** How an article is scored; null for any other node. */
	public @Nullable Scoring scoring() {
		if (level != NodeLevel.ARTICLE || scoringMethod == null || points == null) {
			return null;
		}
		return new Scoring(scoringMethod, points, deduction, tiers, metric, target);
	}

	/** Whether the row says it was invented for the demonstration. */
	public boolean invented() {
		return "演示".equals(source);
	}

}
