package org.pomegranate.petition;

/**
 * Each figure of {@link PetitionFigures}, as a filter of the ledger: a figure on the figures page
 * links to the ledger listing exactly the petitions it counts.
 */
public enum LedgerFigure {

	COLLECTED, PUSHED, ACCEPTED, RESOLVED, POLICY, UNRESOLVABLE, OPEN, OVERDUE, CLOSED, RATED, SATISFIED,
	REOPENED, BACKLOG_OPENED, BACKLOG_CLOSED

}
