package org.pomegranate.account;

/**
 * What a user may do; where they may do it is their region. Labels live in the message bundles
 * as {@code role.NAME}.
 */
public enum Role {

	/** 管理员: the campaign office of a region; manages users, regions, frameworks and reports. */
	ADMIN,
	/** 督导: leaders and inspection staff; watches and reviews everything in the subtree. */
	SUPERVISOR,
	/** 填报员: county and township staff who enter the records. */
	STAFF,
	/** 第三方评估: an outside evaluator who scores assigned assessments and nothing else. */
	REVIEWER;

	public String authority() {
		return "ROLE_" + name();
	}

}
