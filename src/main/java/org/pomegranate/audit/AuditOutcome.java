package org.pomegranate.audit;

public enum AuditOutcome {

	SUCCESS, FAILURE, DENIED

}
