package org.pomegranate.unit.naming;

/** A re-check's result: 通过, 限期整改 (with a deadline) or 撤销命名. Labels: {@code RecheckResult.NAME}. */
public enum RecheckResult {

	PASSED, RECTIFY, REVOKE

}
