package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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

	/** Whether it may be published as it stands. */
	public boolean publishable() {
		return problems.isEmpty();
	}

	static BigDecimal sum(Collection<IndicatorNode> nodes) {
		return nodes.stream().map(IndicatorNode::getPoints).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
