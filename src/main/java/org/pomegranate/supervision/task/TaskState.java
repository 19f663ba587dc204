package org.pomegranate.supervision.task;

import java.util.EnumSet;
import java.util.Set;

/** Where an instance stands: 待签收 › 已签收 › 已报送 (› 退回 › 已报送) › 已办结. */
public enum TaskState {

	PENDING, ACKNOWLEDGED, REPORTED, RETURNED, ACCEPTED;

	/** The states in which the recipient still owes the report: what can be overdue. */
	public static final Set<TaskState> OWING = EnumSet.of(PENDING, ACKNOWLEDGED, RETURNED);

	public boolean owing() {
		return OWING.contains(this);
	}

}
