package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One version read as its page shows it: the categories with their items and articles, each
 * with its points and the sum of its children's, the 奖惩清单 (bonus, penalty and veto items) and
 * what stops it from being published now ({@link FrameworkChecks}).
 */
public record FrameworkTree(IndicatorFramework framework, List<Branch> categories, List<IndicatorNode> bonus,
		List<IndicatorNode> penalties, List<IndicatorNode> vetoes, List<FrameworkProblem> problems) {

	public FrameworkTree {
		categories = List.copyOf(categories);
		bonus = List.copyOf(bonus);
		penalties = List.copyOf(penalties);
		vetoes = List.copyOf(vetoes);
		problems = List.copyOf(problems);
	}

	/** The tree of a version's nodes (tree order within each parent), with what stops it from being published. */
	public static FrameworkTree of(IndicatorFramework framework, List<IndicatorNode> all) {
		var children = all.stream()
			.filter(node -> node.getParentId() != null)
			.collect(Collectors.groupingBy(IndicatorNode::getParentId));
		var categories = all.stream()
			.filter(node -> node.getLevel() == NodeLevel.CATEGORY)
			.map(category -> branch(category, children))
			.toList();
		return new FrameworkTree(framework, categories, ofLevel(all, NodeLevel.BONUS), ofLevel(all, NodeLevel.PENALTY),
				ofLevel(all, NodeLevel.VETO), FrameworkChecks.problems(framework, all));
	}

	private static FrameworkTree.Branch branch(IndicatorNode node, Map<Long, List<IndicatorNode>> children) {
		return new FrameworkTree.Branch(node,
				children.getOrDefault(node.getId(), List.of()).stream().map(child -> branch(child, children)).toList());
	}

	private static List<IndicatorNode> ofLevel(List<IndicatorNode> all, NodeLevel level) {
		return all.stream().filter(node -> node.getLevel() == level).toList();
	}

	/** A category or an item with the nodes below it, in their order; an article has none. */
	public record Branch(IndicatorNode node, List<Branch> children) {

		public Branch {
			children = List.copyOf(children);
		}

		/** The sum of the children's points. */
		public BigDecimal childrenSum() {
			return sum(children.stream().map(Branch::node).toList());
		}

		/** Whether the children's points add up to this node's (always for an article). */
		public boolean addsUp() {
			return children.isEmpty() ? node.getLevel() == NodeLevel.ARTICLE
					: node.getPoints() != null && childrenSum().compareTo(node.getPoints()) == 0;
		}

	}

	public BigDecimal categoriesSum() {
		return sum(categories.stream().map(Branch::node).toList());
	}

	public int itemCount() {
		return categories.stream().mapToInt(category -> category.children().size()).sum();
	}

	public int articleCount() {
		return categories.stream()
			.flatMap(category -> category.children().stream())
			.mapToInt(item -> item.children().size())
			.sum();
	}

	/** Every article, in tree order. */
	public List<IndicatorNode> articles() {
		return categories.stream()
			.flatMap(category -> category.children().stream())
			.flatMap(item -> item.children().stream())
			.map(Branch::node)
			.toList();
	}

	/** The sum of the bonus items' maxima (the cap limits what counts). */
	public BigDecimal bonusSum() {
		return sum(bonus);
	}

	public BigDecimal penaltiesSum() {
		return sum(penalties);
	}

	/**
	 * One list of the 奖惩清单 as the page shows it: its level, its items, and for bonus and penalty
	 * items their sum and the cap of what counts (null: uncapped).
	 */
	public record ListSection(NodeLevel level, List<IndicatorNode> entries, BigDecimal sum, @Nullable BigDecimal cap) {

		public ListSection {
			entries = List.copyOf(entries);
		}

		/** The message key part of its summary line: {@code bonus}, {@code penalty}, {@code veto}. */
		public String key() {
			return level.name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** The bonus, penalty and veto lists, in that order. */
	public List<ListSection> lists() {
		return List.of(new ListSection(NodeLevel.BONUS, bonus, bonusSum(), framework.getBonusCap()),
				new ListSection(NodeLevel.PENALTY, penalties, penaltiesSum(), framework.getPenaltyCap()),
				new ListSection(NodeLevel.VETO, vetoes, BigDecimal.ZERO, null));
	}

	/** Whether it may be published as it stands. */
	public boolean publishable() {
		return problems.isEmpty();
	}

	static BigDecimal sum(Collection<IndicatorNode> nodes) {
		return nodes.stream().map(IndicatorNode::getPoints).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
