package org.pomegranate.pairing.household;

import org.pomegranate.shared.BusinessRuleException;

/**
 * The ID number is a household of a region outside the user's scope: instead of saying so, a
 * transfer request was sent (or joined the requester's open one). The registration commits the
 * request and ends here; the form answers that a request was sent, and nothing about where.
 */
public class TransferRequestedException extends BusinessRuleException {

	TransferRequestedException() {
		super("household.transfer.sent");
	}

}
