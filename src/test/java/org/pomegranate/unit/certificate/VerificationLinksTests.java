package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The address a certificate prints and its QR code encodes: the configured public one, else the request's. */
class VerificationLinksTests {

	@AfterEach
	void noRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void theConfiguredPublicAddressWinsOverTheRequests() {
		request("http", "10.0.0.7", 8080);
		assertThat(new VerificationLinks("https://mzt.example.gov.cn/").of("ABCDEFGHJKMN"))
			.isEqualTo("https://mzt.example.gov.cn/verify/ABCDEFGHJKMN");
		assertThat(new VerificationLinks(" https://example.gov.cn/shiliuzi ").of("ABCDEFGHJKMN"))
			.isEqualTo("https://example.gov.cn/shiliuzi/verify/ABCDEFGHJKMN");
	}

	@Test
	void withoutOneTheAddressTheCertificateWasOpenedAtStands() {
		request("https", "mzt.example.gov.cn", 443);
		assertThat(new VerificationLinks("").of("ABCDEFGHJKMN")).isEqualTo("https://mzt.example.gov.cn/verify/ABCDEFGHJKMN");
		request("http", "localhost", 8080);
		assertThat(new VerificationLinks("").of("ABCDEFGHJKMN")).isEqualTo("http://localhost:8080/verify/ABCDEFGHJKMN");
	}

	private static void request(String scheme, String host, int port) {
		var request = new MockHttpServletRequest();
		request.setScheme(scheme);
		request.setServerName(host);
		request.setServerPort(port);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

}
