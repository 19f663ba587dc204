package org.pomegranate.pairing.household;

import org.pomegranate.shared.BusinessRuleException;

/**
 * The household is no longer in the region the request was sent from (it moved since): the
 * request is refused as outdated and that refusal commits; nothing else changes.
 */
public class TransferOutdatedException extends BusinessRuleException {

	TransferOutdatedException() {
		super("transfer.error.outdated");
	}

}
