package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Whether a framework version's nodes add up, which it must before it is published: the
 * categories' points sum to the base, each category's items to the category's points, each
 * item's articles to the item's points; every category has items and every item articles; every
 * article can be scored; the bonus items have a cap; a veto has no points.
 */
public final class FrameworkChecks {

	private FrameworkChecks() {
	}

	public static List<FrameworkProblem> problems(IndicatorFramework framework, Collection<IndicatorNode> nodes) {
		var problems = new ArrayList<FrameworkProblem>();
		var byId = nodes.stream().collect(Collectors.toMap(IndicatorNode::getId, Function.identity()));
		var children = nodes.stream()
			.filter(node -> node.getParentId() != null)
			.collect(Collectors.groupingBy(IndicatorNode::getParentId));
		var codes = new HashSet<String>();
		for (var node : nodes) {
			if (!codes.add(node.getCode())) {
				problems.add(FrameworkProblem.of("framework.problem.duplicateCode", node.getCode()));
			}
			var parentLevel = node.getLevel().parentLevel();
			var parent = node.getParentId() == null ? null : byId.get(node.getParentId());
			if (parentLevel.isPresent() && (parent == null || parent.getLevel() != parentLevel.get())) {
				problems.add(FrameworkProblem.of("framework.problem.parent", node.getCode()));
			}
			if (node.getLevel() == NodeLevel.VETO && node.getPoints() != null) {
				problems.add(FrameworkProblem.of("framework.problem.vetoPoints", node.getCode()));
			}
			if (node.getLevel() != NodeLevel.VETO && node.getPoints() == null) {
				problems.add(FrameworkProblem.of("framework.problem.points", node.getCode()));
			}
			var scoring = node.scoring();
			if (node.getLevel() == NodeLevel.ARTICLE) {
				if (scoring == null) {
					problems.add(FrameworkProblem.of("framework.problem.scoring", node.getCode()));
				}
				else {
					scoring.problem().ifPresent(key -> problems.add(FrameworkProblem.of(key, node.getCode())));
				}
			}
			if (node.getLevel() == NodeLevel.CATEGORY || node.getLevel() == NodeLevel.ITEM) {
				var below = children.getOrDefault(node.getId(), List.of());
				if (below.isEmpty()) {
					problems.add(FrameworkProblem.of("framework.problem.empty." + node.getLevel(), node.getCode()));
				}
				else if (node.getPoints() != null && sum(below).compareTo(node.getPoints()) != 0) {
					problems.add(FrameworkProblem.of("framework.problem.sum." + node.getLevel(), node.getCode(), plain(sum(below)),
							plain(node.getPoints())));
				}
			}
		}
		var categories = nodes.stream().filter(node -> node.getLevel() == NodeLevel.CATEGORY).toList();
		if (categories.isEmpty()) {
			problems.add(FrameworkProblem.of("framework.problem.noCategories", ""));
		}
		else if (sum(categories).compareTo(framework.getBasePoints()) != 0) {
			problems.add(FrameworkProblem.of("framework.problem.base", "", plain(sum(categories)),
					plain(framework.getBasePoints())));
		}
		if (framework.getPassMark().compareTo(framework.getBasePoints()) > 0) {
			problems.add(FrameworkProblem.of("framework.problem.passMark", "", plain(framework.getPassMark()),
					plain(framework.getBasePoints())));
		}
		if (framework.getBonusCap() == null && nodes.stream().anyMatch(node -> node.getLevel() == NodeLevel.BONUS)) {
			problems.add(FrameworkProblem.of("framework.problem.bonusCap", ""));
		}
		return problems;
	}

	private static BigDecimal sum(Collection<IndicatorNode> nodes) {
		return nodes.stream().map(IndicatorNode::getPoints).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/** 2.5, 100: as the editor writes points. */
	public static String plain(BigDecimal points) {
		return points.stripTrailingZeros().toPlainString();
	}

	/** The nodes by id, for callers that walk a version's tree. */
	public static Map<Long, IndicatorNode> byId(Collection<IndicatorNode> nodes) {
		return nodes.stream().collect(Collectors.toMap(IndicatorNode::getId, Function.identity()));
	}

}
