package org.pomegranate.assessment.framework;

/**
 * Where a node stands in a framework: the tree of 大类 › 项 › 条, and the flat 奖惩清单 of bonus
 * (加分), penalty (扣分) and veto (一票否决) items. Message keys {@code NodeLevel.NAME}.
 */
public enum NodeLevel {

	CATEGORY, ITEM, ARTICLE, BONUS, PENALTY, VETO;

	/** Whether an assessment scores it: articles and the 奖惩清单; categories and items only add up. */
	public boolean scored() {
		return this == ARTICLE || this == BONUS || this == PENALTY || this == VETO;
	}

	public boolean isArticle() {
		return this == ARTICLE;
	}

	/** Whether it carries points: all but a veto item, which fails an assessment whatever its total. */
	public boolean takesPoints() {
		return this != VETO;
	}

	/** Whether its points are a deduction (a penalty item) rather than points to gain. */
	public boolean deducts() {
		return this == PENALTY;
	}

	/** The level of its parent in the tree; none for a category and the 奖惩清单. */
	public java.util.Optional<NodeLevel> parentLevel() {
		return switch (this) {
			case ITEM -> java.util.Optional.of(CATEGORY);
			case ARTICLE -> java.util.Optional.of(ITEM);
			default -> java.util.Optional.empty();
		};
	}

}
