package org.pomegranate.account.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.stereotype.Component;

/**
 * TOTP as every authenticator app speaks it (RFC 6238: SHA-1, six digits, 30-second steps), from
 * the {@code dev.samstevens.totp} library: secrets, codes, the enrolment QR code (drawn here with
 * zxing, no outside service) and recovery codes.
 */
@Component
public class TotpCodes {

	static final String ISSUER = "石榴籽";

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	/** Codes of the step before and after the current one are accepted too: phone clocks drift. */
	private static final int ALLOWED_DRIFT_STEPS = 1;

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator();

	private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final RecoveryCodeGenerator recoveryCodes = new RecoveryCodeGenerator();

	String newSecret() {
		return secrets.generate();
	}

	static long step(Instant at) {
		return at.getEpochSecond() / PERIOD_SECONDS;
	}

	/** The time step whose code {@code code} is, within the allowed drift around {@code now}. */
	OptionalLong matchingStep(String secret, String code, Instant now) {
		var typed = code.replace(" ", "").strip();
		if (typed.length() != DIGITS || !typed.chars().allMatch(Character::isDigit)) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
					typed.getBytes(StandardCharsets.US_ASCII))) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/** The code of {@code secret} for a time step. */
	public String code(String secret, long step) {
		try {
			return codes.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Cannot compute a TOTP code", ex);
		}
	}

	/** The {@code otpauth://} URI an authenticator app reads from the QR code. */
	String uri(String username, String secret) {
		return qrData(username, secret).getUri();
	}

	/** The QR code of the {@code otpauth://} URI, as a PNG {@code data:} URI for an {@code <img>}. */
	String qrCodeDataUri(String username, String secret) {
		try {
			var generator = new ZxingPngQrGenerator();
			generator.setImageSize(240);
			var png = generator.generate(qrData(username, secret));
			return "data:" + generator.getImageMimeType() + ";base64," + Base64.getEncoder().encodeToString(png);
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Cannot draw the QR code", ex);
		}
	}

	String[] newRecoveryCodes(int count) {
		return recoveryCodes.generateCodes(count);
	}

	private static QrData qrData(String username, String secret) {
		return new QrData.Builder().label(username)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
	}

}
