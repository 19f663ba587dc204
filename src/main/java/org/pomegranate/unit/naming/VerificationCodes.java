package org.pomegranate.unit.naming;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The code printed on a certificate and in its QR code, by which anyone can open the title's
 * public verification page: 12 characters of an alphabet without look-alikes (no 0/O, 1/I/L),
 * drawn from a secure random source, so that codes cannot be guessed or counted through.
 */
public final class VerificationCodes {

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	public static final int LENGTH = 12;

	private static final Pattern WELL_FORMED = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private VerificationCodes() {
	}

	public static String next() {
		var code = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/** Whether {@code text} could be a code at all (a malformed one is answered like an unknown one). */
	public static boolean isWellFormed(String text) {
		return WELL_FORMED.matcher(text).matches();
	}

}
