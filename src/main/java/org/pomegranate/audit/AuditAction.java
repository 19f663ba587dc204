package org.pomegranate.audit;

/**
 * What was done. Labels live in the message bundles as {@code audit.action.NAME}.
 */
public enum AuditAction {

	LOGIN, LOGIN_FAILED, LOCKOUT, LOGOUT, PASSWORD_CHANGE, PASSWORD_RESET,
	CREATE, UPDATE, DELETE, DISABLE, ENABLE, RETIRE,
	VIEW_PERSONAL_DATA, EXPORT, EXPORT_UNMASKED, FREEZE,
	ACCESS_DENIED, OUT_OF_SCOPE,
	/** 迁移申请: a household registered elsewhere asked for, and the decision on it. */
	TRANSFER_REQUEST, TRANSFER_APPROVE, TRANSFER_REFUSE,
	/** 双因素认证: enrolment, use, failure, lockout, reset, recovery and the per-region rule. */
	SECOND_FACTOR_ENROL, SECOND_FACTOR_LOGIN, SECOND_FACTOR_FAILED, SECOND_FACTOR_LOCKOUT, SECOND_FACTOR_RESET,
	RECOVERY_CODE_LOGIN, SECOND_FACTOR_REQUIREMENT

}
