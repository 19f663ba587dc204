package org.pomegranate.account.mfa;

import org.pomegranate.TestRegions;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import org.pomegranate.WebSession;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Users of the second-factor tests, each with a fresh name, and what a phone's authenticator does:
 * the code of a secret for the current time step, computed here with the TOTP library.
 */
final class SecondFactorFixtures {

	static final String PASSWORD = "Zweiter-Faktor-Probe-2026";

	private static final Pattern SECRET = Pattern.compile("id=\"second-factor-secret\">([A-Z2-7 ]+)</code>");

	private static final Pattern RECOVERY_CODE = Pattern.compile("<li>([a-z0-9]{4}(?:-[a-z0-9]{4}){3})</li>");

	private final JdbcTemplate jdbc;

	private final PasswordEncoder passwordEncoder;

	SecondFactorFixtures(JdbcTemplate jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	/** A new account of {@code role} in {@code regionCode}, signed in with {@link #PASSWORD}. */
	String user(String prefix, String role, String regionCode) {
		var username = prefix + "_" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, ?, ?, ?, ?)""", username, "双因素测试", passwordEncoder.encode(PASSWORD), role, regionCode);
		return username;
	}

	/** A new township under 康定市, for a region rule nobody else's test sees. */
	String township() {
		return TestRegions.township(jdbc, "513301", "双因素测试镇");
	}

	long userId(String username) {
		return jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
	}

	/** Enrols an authenticator for the signed-in session; returns its secret and recovery codes. */
	Enrolled enrol(WebSession session) {
		var started = session.post("/account/second-factor/setup", Map.of());
		assertThat(WebSession.location(started)).isEqualTo("/account/second-factor/setup");
		var secret = secretOn(session.get("/account/second-factor/setup").body());
		var confirmed = session.post("/account/second-factor/confirm", Map.of("code", code(secret, step(Instant.now()))));
		assertThat(WebSession.location(confirmed)).isEqualTo("/account/second-factor/recovery-codes");
		var page = session.get("/account/second-factor/recovery-codes").body();
		var codes = RECOVERY_CODE.matcher(page).results().map(m -> m.group(1)).toList();
		assertThat(codes).hasSize(10);
		return new Enrolled(secret, codes);
	}

	record Enrolled(String secret, List<String> recoveryCodes) {
	}

	static String secretOn(String page) {
		var matcher = SECRET.matcher(page);
		assertThat(matcher.find()).as("the secret is on the page").isTrue();
		return matcher.group(1).replace(" ", "");
	}

	/**
	 * A code the server has not seen yet: the current step's, or the next one's when the current one
	 * was used (authenticators' clocks drift, so one step ahead is accepted).
	 */
	String freshCode(String username, String secret) {
		long used = jdbc.queryForObject("""
				select last_used_step from second_factor f join user_account u on u.id = f.user_id
				where u.username = ?""", Long.class, username);
		long now = step(Instant.now());
		while (used + 1 > now + 1) {
			sleepQuietly(1000);
			now = step(Instant.now());
		}
		return code(secret, Math.max(now, used + 1));
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static long step(Instant at) {
		return at.getEpochSecond() / 30;
	}

	static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A six-digit code that is none of the codes the server accepts now. */
	static String wrongCode(String secret) {
		long now = step(Instant.now());
		var accepted = List.of(code(secret, now - 1), code(secret, now), code(secret, now + 1), code(secret, now + 2));
		for (int candidate = 0;; candidate++) {
			var code = String.format("%06d", candidate);
			if (!accepted.contains(code)) {
				return code;
			}
		}
	}

	int count(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Integer.class, arguments);
	}

}
