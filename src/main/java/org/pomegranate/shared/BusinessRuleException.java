package org.pomegranate.shared;

/**
 * A request that breaks a rule of the campaign's records (a duplicate name, a step the workflow
 * does not allow). Carries a message-bundle key so the user reads why in their language.
 */
public class BusinessRuleException extends RuntimeException {

	private final String messageKey;

	private final Object[] arguments;

	public BusinessRuleException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}

}
