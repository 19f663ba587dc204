package org.pomegranate.petition.loop;

import java.util.List;

import org.pomegranate.shared.BusinessRuleException;

/**
 * A registration that looks like a petition already in the ledger (same household or phone, same
 * category, within 30 days). The form shows them with a link each; the user opens one, or says it
 * is another matter and registers anyway.
 */
public class PossibleDuplicatesException extends BusinessRuleException {

	private final transient List<Petition> candidates;

	PossibleDuplicatesException(List<Petition> candidates) {
		super("petition.duplicates");
		this.candidates = List.copyOf(candidates);
	}

	public List<Petition> candidates() {
		return candidates;
	}

}
