package org.pomegranate.assessment.framework;

/**
 * How an article is tested (测评方法), as the sourced systems name them. Stored as bits
 * ({@link org.pomegranate.shared.EnumBits}): never reorder. Message keys {@code TestMethod.NAME}.
 */
public enum TestMethod {

	REPORT, DOCUMENTS, SITE_CHECK, SURVEY, DAILY

}
