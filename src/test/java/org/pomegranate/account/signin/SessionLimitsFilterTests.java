package org.pomegranate.account.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class SessionLimitsFilterTests {

	@Test
	void aSessionOlderThanTwelveHoursEndsWhateverItsActivity() throws Exception {
		var session = new MockHttpSession();
		var created = Instant.ofEpochMilli(session.getCreationTime());
		var filter = new SessionLimitsFilter(Clock.fixed(created.plus(Duration.ofHours(12)).plusSeconds(1), ZoneOffset.UTC));
		var request = new MockHttpServletRequest("GET", "/");
		request.setSession(session);
		var response = new MockHttpServletResponse();
		var chain = new MockFilterChain();

		filter.doFilter(request, response, chain);

		assertThat(session.isInvalid()).isTrue();
		assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(chain.getRequest()).isNull();
	}

	@Test
	void aYoungerSessionGoesOn() throws Exception {
		var session = new MockHttpSession();
		var created = Instant.ofEpochMilli(session.getCreationTime());
		var filter = new SessionLimitsFilter(Clock.fixed(created.plus(Duration.ofHours(11)), ZoneOffset.UTC));
		var request = new MockHttpServletRequest("GET", "/");
		request.setSession(session);
		var chain = new MockFilterChain();

		filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(session.isInvalid()).isFalse();
		assertThat(chain.getRequest()).isSameAs(request);
	}

}
