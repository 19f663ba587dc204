package org.pomegranate.pairing.household;

import org.pomegranate.shared.BusinessRuleException;

/**
 * The ID number belongs to a household the user may see: the form links to it instead.
 */
public class DuplicateHouseholdException extends BusinessRuleException {

	private final long existingId;

	DuplicateHouseholdException(long existingId) {
		super("household.error.duplicate", existingId);
		this.existingId = existingId;
	}

	public long existingId() {
		return existingId;
	}

}
