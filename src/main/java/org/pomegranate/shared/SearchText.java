package org.pomegranate.shared;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The text of a list's search box. A search is a GET, so that it can be bookmarked, paged, sorted
 * and exported, and so it travels in the URL, the browser's history and the proxies' logs: it must
 * never hold a full phone or ID number. More than {@link #MAX_DIGITS} digits anywhere in it is
 * refused with a hint before any query runs, and the search boxes carry the same rule as their
 * {@code pattern} ({@link #PATTERN}), so that a browser does not send one in the first place. A list
 * whose own records carry longer numbers that are no one's personal data (a petition number, a
 * region code) names their form, and a search that is exactly one of them passes.
 */
public final class SearchText {

	/** As many digits as a search may hold: the last 4 of an ID number or a phone, a serial number. */
	public static final int MAX_DIGITS = 6;

	/** The rule for a search box's {@code pattern} attribute: no more than {@link #MAX_DIGITS} digits. */
	public static final String PATTERN = "(?!(?:\\D*\\d){" + (MAX_DIGITS + 1) + "})[\\s\\S]*";

	/** The hint of every list that has no better one of its own. */
	public static final String PERSONAL_NUMBER_REFUSED = "search.error.personalNumber";

	private SearchText() {
	}

	/** The trimmed search, or null when blank; refused with {@link #PERSONAL_NUMBER_REFUSED} when it holds a long number. */
	public static @Nullable String clean(@Nullable String text) {
		return clean(text, PERSONAL_NUMBER_REFUSED);
	}

	/** The same, with the list's own hint ({@code household.error.fullIdSearch}: the last 4 characters only). */
	public static @Nullable String clean(@Nullable String text, String hintKey) {
		var cleaned = FormText.clean(text);
		if (cleaned != null && holdsLongNumber(cleaned)) {
			throw new BusinessRuleException(hintKey);
		}
		return cleaned;
	}

	/** The same, where a search that is exactly one of the list's own numbers ({@code ownNumber}, whole text) passes. */
	public static @Nullable String clean(@Nullable String text, Pattern ownNumber) {
		var cleaned = FormText.clean(text);
		if (cleaned != null && holdsLongNumber(cleaned) && !ownNumber.matcher(cleaned).matches()) {
			throw new BusinessRuleException(PERSONAL_NUMBER_REFUSED);
		}
		return cleaned;
	}

	/** {@link #PATTERN} for a list whose own numbers ({@code ownNumber}) may also be searched. */
	public static String patternAllowing(Pattern ownNumber) {
		return "\\s*(?:" + ownNumber.pattern() + ")\\s*|" + PATTERN;
	}

	/** More digits than {@link #MAX_DIGITS}, counted anywhere (full-width digits too), whatever separates them. */
	static boolean holdsLongNumber(String text) {
		return text.codePoints().filter(Character::isDigit).count() > MAX_DIGITS;
	}

}
