package org.pomegranate.unit.certificate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute address of a title's verification page, which its certificate prints and its QR
 * code encodes: under {@code pomegranate.public-url} ({@code POMEGRANATE_PUBLIC_URL}, the address
 * the public reaches the app at) where it is set; else under the address of the current request as
 * Tomcat sees it (scheme and host from a trusted proxy's headers, {@code TrustedProxies}).
 */
@Component
public class VerificationLinks {

	private final String publicUrl;

	public VerificationLinks(@Value("${pomegranate.public-url:}") String publicUrl) {
		this.publicUrl = publicUrl.strip().replaceAll("/+$", "");
	}

	/** {@code https://…/verify/<code>}; outside a request only with {@code pomegranate.public-url} set. */
	public String of(String verificationCode) {
		var base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
		return base + "/verify/" + verificationCode;
	}

}
