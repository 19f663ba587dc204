package org.pomegranate.assessment.framework;

/**
 * How an article is scored: 扣分制 (its points less a deduction per shortfall, not below 0), 分档
 * (a share of its points by tier of achievement), 比例 (its points times achieved over target,
 * capped at its points), 是否 (all or nothing), 评议 (the assessor's judgement within 0..points).
 * Message keys {@code ScoringMethod.NAME}.
 */
public enum ScoringMethod {

	DEDUCTION, TIERS, RATIO, YES_NO, JUDGEMENT

}
