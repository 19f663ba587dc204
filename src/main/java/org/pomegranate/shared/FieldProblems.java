package org.pomegranate.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects what is wrong with the fields of a submitted form by the rules that need other records
 * (a duplicate, the region scope, a date against a pairing's), a message key per field, so the
 * service can refuse the form whole and each message can stand beside its field. What a field
 * must look like is a constraint on the form record instead.
 */
public final class FieldProblems {

	private final Map<String, String> problems = new LinkedHashMap<>();

	public FieldProblems reject(String field, String messageKey) {
		problems.putIfAbsent(field, messageKey);
		return this;
	}

	public boolean has(String field) {
		return problems.containsKey(field);
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
