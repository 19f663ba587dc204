package org.pomegranate.supervision.task;

/**
 * The steps of an instance: the recipient's (签收, 报送, 申请延期) and the issuer's (退回, 办结,
 * 同意延期, 不同意延期); {@link #ISSUE} is the first line of every timeline.
 */
public enum TaskAction {

	ISSUE, ACKNOWLEDGE, REPORT, RETURN, ACCEPT, REQUEST_EXTENSION, GRANT_EXTENSION, REFUSE_EXTENSION;

	/** The steps a user may take from an instance's page. */
	public static final TaskAction[] STEPS = { ACKNOWLEDGE, REPORT, REQUEST_EXTENSION, RETURN, ACCEPT,
			GRANT_EXTENSION, REFUSE_EXTENSION };

}
