package org.pomegranate.activity.ledger;

/**
 * What kind of activity it was. Labels live in the bundle as {@code ActivityKind.NAME}; the
 * names are stored and sent in URLs.
 */
public enum ActivityKind {

	/** 宣传宣讲: the sessions seed 000 counts (6,492 in a year); a question raised there is a petition of source 宣讲会. */
	PUBLICITY,
	/** 知识竞答. */
	QUIZ,
	/** 培训, e.g. 国家通用语言文字培训. */
	TRAINING,
	/** 文体活动. */
	CULTURE_SPORTS,
	/** 节庆活动. */
	FESTIVAL,
	/** 交往交流交融: a trip or a visit, with its destination. */
	EXCHANGE,
	/** 座谈调研. */
	SEMINAR,
	/** 其他. */
	OTHER

}
