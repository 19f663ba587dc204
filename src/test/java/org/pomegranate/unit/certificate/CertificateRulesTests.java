package org.pomegranate.unit.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.unit.certificate.CertificateFixtures.Holder;
import org.pomegranate.unit.certificate.CertificateFixtures.Title;
import org.pomegranate.unit.certificate.TitleDirectory.Pages;
import org.pomegranate.unit.certificate.TitleDirectory.Query;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rules of the 授牌 and 名录 services themselves, whatever route calls them: the certificate
 * and the list are the record keepers' (a reviewer, and someone not signed in, get neither), while
 * the verification a certificate's QR code opens answers anyone, signed in or not.
 */
@IntegrationTest
class CertificateRulesTests {

	@Autowired
	Certificates certificates;

	@Autowired
	TitleDirectory directory;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	private String township;

	private Title title;

	@BeforeEach
	void title() {
		var fixtures = new CertificateFixtures(jdbc);
		township = fixtures.township(CertificateFixtures.COUNTY)[0];
		title = fixtures.title(Holder.region(township, "授牌规则乡"), "民族团结进步示范乡镇", NamingLevel.COUNTY,
				CertificateFixtures.COUNTY, NamingState.VALID, LocalDate.of(2024, 2, 5), LocalDate.of(2029, 2, 4),
				"黑府发〔2024〕9号", null, null);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theRecordKeepersReadTheCertificateAndTheList() {
		for (var role : List.of("ADMIN", "SUPERVISOR", "STAFF")) {
			signIn(role);
			assertThat(certificates.certificate(title.id()).holderName()).isEqualTo("授牌规则乡");
			assertThat(directory.of(new Query(township, null, null, null), Pages.first()).liveCount()).isEqualTo(1);
			assertThat(certificates.verify(title.verificationCode())).isPresent();
		}
	}

	@Test
	void aReviewerGetsNeitherTheCertificateNorTheListButMayVerify() {
		signIn("REVIEWER");
		assertThatThrownBy(() -> certificates.certificate(title.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> directory.of(Query.all(), Pages.first())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> directory.export(Query.all(), (section, entry) -> {
		})).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> directory.batchYears()).isInstanceOf(AccessDeniedException.class);
		assertThat(certificates.verify(title.verificationCode())).map(Certificates.Verification::holder)
			.contains("授牌规则乡");
	}

	@Test
	void someoneNotSignedInMayOnlyVerify() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("verification", "anonymousUser",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThatThrownBy(() -> certificates.certificate(title.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> directory.of(Query.all(), Pages.first())).isInstanceOf(AccessDeniedException.class);
		assertThat(certificates.verify(title.verificationCode())).map(Certificates.Verification::state)
			.contains(NamingState.VALID);
	}

	private void signIn(String role) {
		var user = users.loadUserByUsername(new CertificateFixtures(jdbc).user(role, CertificateFixtures.COUNTY));
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
