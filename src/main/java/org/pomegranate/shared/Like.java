package org.pomegranate.shared;

/**
 * Patterns for SQL {@code like} from what a user typed: their {@code %} and {@code _} match
 * themselves, not "anything". Use with {@link #ESCAPE} as the escape character.
 */
public final class Like {

	public static final char ESCAPE = '\\';

	private Like() {
	}

	/** Matches any text that contains {@code typed}. */
	public static String containing(String typed) {
		return "%" + typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
