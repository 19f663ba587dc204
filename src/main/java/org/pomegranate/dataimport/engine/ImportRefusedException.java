package org.pomegranate.dataimport.engine;

import org.pomegranate.shared.BusinessRuleException;

/** The file as a whole cannot be read as a sheet (.xls, .xlsm, a zip bomb …): nothing is written. */
public class ImportRefusedException extends BusinessRuleException {

	public ImportRefusedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}

}
