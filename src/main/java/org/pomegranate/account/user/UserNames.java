package org.pomegranate.account.user;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one canonical form of a user name: Unicode NFKC, then lower case by {@link Locale#ROOT}.
 * Names are stored, looked up and locked out in that form only, so the database never folds a
 * name differently from Java (PostgreSQL's {@code upper('ſ')} is {@code S}). A name typed in any
 * other form (capitals, full-width letters, {@code ſ} U+017F, the Kelvin sign) is refused, never
 * mapped to the account it looks like.
 */
public final class UserNames {

	/** The documented set: 3–32 of a–z, 0–9, {@code _ . -}, starting with a letter or a digit. */
	private static final Pattern NEW_NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,31}");

	private static final int KEY_LENGTH = 64;

	private UserNames() {
	}

	/** NFKC, then lower case: the form two names are compared in. Surrounding blanks are form noise. */
	public static String canonical(String typed) {
		return Normalizer.normalize(typed.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/**
	 * The message key that refuses {@code typed} as a new user's name, or empty when it may be used
	 * as typed (after stripping surrounding blanks).
	 */
	public static Optional<String> refusal(String typed) {
		var name = typed.strip();
		if (!canonical(name).equals(name)) {
			return Optional.of("user.error.usernameNotCanonical");
		}
		return NEW_NAME.matcher(name).matches() ? Optional.empty() : Optional.of("user.error.username");
	}

	/**
	 * The stored name a sign-in with {@code typed} looks up: the name exactly as typed when it is in
	 * its canonical form, otherwise none, so a look-alike fails like a wrong password. (Names
	 * created before the documented set, up to the column's 64 characters, still sign in.)
	 */
	public static Optional<String> forSignIn(String typed) {
		var name = typed.strip();
		return canonical(name).equals(name) && name.length() <= KEY_LENGTH ? Optional.of(name) : Optional.empty();
	}

	/**
	 * The name failed logins are counted under: the canonical form, so {@code lc_ſtaff} and
	 * {@code ｌｃ_staff} spend the attempts of {@code lc_staff}. Cut to the column's size.
	 */
	public static String lockoutKey(String typed) {
		var key = canonical(typed);
		return key.length() > KEY_LENGTH ? key.substring(0, KEY_LENGTH) : key;
	}

}
