package org.pomegranate.account.signin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 characters, not one of the 10,000 most common passwords
 * of public breach corpora, and neither the user name nor containing it.
 */
@Component
public class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	private static final int MAXIMUM_LENGTH = 128;

	private final Set<String> commonPasswords;

	PasswordPolicy() {
		this.commonPasswords = load("account/common-passwords.txt");
	}

	/** The message keys of every rule the password breaks; empty when it is acceptable. */
	public List<String> violations(String username, String password) {
		var violations = new ArrayList<String>();
		if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
			violations.add("password.error.tooShort");
		}
		if (password.length() > MAXIMUM_LENGTH) {
			violations.add("password.error.tooLong");
		}
		var lower = password.toLowerCase(Locale.ROOT);
		if (commonPasswords.contains(lower)) {
			violations.add("password.error.common");
		}
		if (!username.isBlank() && lower.contains(username.strip().toLowerCase(Locale.ROOT))) {
			violations.add("password.error.containsUsername");
		}
		return violations;
	}

	int commonPasswordCount() {
		return commonPasswords.size();
	}

	private static Set<String> load(String resource) {
		try (var reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty())
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The common-password list is missing from the classpath", ex);
		}
	}

}
