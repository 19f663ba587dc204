package org.pomegranate.shared;

/**
 * A record that exists but lies outside the user's region. The user sees exactly the 404 of a
 * record that does not exist; the web layer writes the attempt to the audit log.
 */
public class OutOfScopeException extends RecordNotFoundException {

	private final String entityType;

	private final String entityId;

	public OutOfScopeException(String entityType, Object id) {
		super(entityType, id);
		this.entityType = entityType;
		this.entityId = String.valueOf(id);
	}

	public String entityType() {
		return entityType;
	}

	public String entityId() {
		return entityId;
	}

}
