package org.pomegranate.dataimport.engine;

import org.pomegranate.shared.BusinessRuleException;

/** The dry run is no longer waiting (confirmed, an hour old, or never this user's): upload again. */
public class DryRunGoneException extends BusinessRuleException {

	public DryRunGoneException() {
		super("import.error.dryRunGone");
	}

}
