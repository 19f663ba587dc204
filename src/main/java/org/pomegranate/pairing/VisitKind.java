package org.pomegranate.pairing;

public enum VisitKind {

	/** 入户走访 */
	HOME_VISIT,
	/** 电话联系 */
	PHONE,
	/** 节日慰问 */
	FESTIVAL,
	/** 政策宣讲 */
	POLICY_TALK,
	/** 帮扶解困 */
	HELP

}
