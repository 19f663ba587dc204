package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The scope of a county user: its own subtree is inside, a sibling county sharing digits and
 * anything that is not a region code are outside.
 */
class RegionScopeTests {

	private final RegionScope scope = new RegionScope();

	@BeforeEach
	void signInAtKangding() {
		ScopedPrincipal principal = new ScopedPrincipal() {

			@Override
			public String getUsername() {
				return "kd_staff";
			}

			@Override
			public String regionCode() {
				return "513301";
			}

		};
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void containsItsOwnSubtreeOnly() {
		assertThat(scope.region()).isEqualTo(RegionCode.of("513301"));
		assertThat(scope.prefix()).isEqualTo("513301");
		assertThat(scope.contains("513301")).isTrue();
		assertThat(scope.contains("513301001")).isTrue();
		assertThat(scope.contains("513301001001")).isTrue();
		assertThat(scope.contains("5133")).isFalse();
		assertThat(scope.contains("513302")).isFalse();
		assertThat(scope.contains("513302001")).isFalse();
	}

	@Test
	void anythingButARegionCodeIsOutside() {
		assertThat(scope.contains(null)).isFalse();
		assertThat(scope.contains("")).isFalse();
		assertThat(scope.contains("5133010")).isFalse();
		assertThat(scope.contains("513301x")).isFalse();
		assertThat(scope.contains("513301%")).isFalse();
	}

}
