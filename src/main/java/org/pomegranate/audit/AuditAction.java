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
	TRANSFER_REQUEST, TRANSFER_APPROVE, TRANSFER_REFUSE

}
