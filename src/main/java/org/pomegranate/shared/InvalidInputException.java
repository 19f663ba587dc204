package org.pomegranate.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.validation.BindingResult;

/**
 * A form refused by a service, with the message key of each wrong field.
 */
public class InvalidInputException extends BusinessRuleException {

	private final Map<String, String> problems;

	InvalidInputException(Map<String, String> problems) {
		super(problems.values().iterator().next());
		this.problems = Map.copyOf(new LinkedHashMap<>(problems));
	}

	public Map<String, String> problems() {
		return problems;
	}

	/** Puts each problem beside its field of the form shown again; field names match the form's. */
	public void addTo(BindingResult result) {
		problems.forEach(result::rejectValue);
	}

}
