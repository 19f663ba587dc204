package org.pomegranate.unit.naming;

import org.pomegranate.TestRegions;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.unit.naming.NamingForms.ApplicationForm;
import org.pomegranate.unit.naming.NamingForms.NameForm;
import org.pomegranate.unit.naming.NamingForms.RevokeForm;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Titles made for a test in 阿坝州 (5132) by users the tests create there: each test names its own
 * fresh townships (codes 5132xx8nn, free in the region data), so no two tests share a holder.
 */
final class NamingFixtures {

	static final String PROVINCE_ADMIN = "nt_admin_51";

	static final String PREFECTURE_ADMIN = "nt_admin_5132";

	static final String PREFECTURE_SUPERVISOR = "nt_sup_5132";

	static final String COUNTY_ADMIN = "nt_admin_513201";

	static final String COUNTY_SUPERVISOR = "nt_sup_513201";

	static final String COUNTY_STAFF = "nt_staff_513201";

	static final String OTHER_COUNTY_ADMIN = "nt_admin_513221";

	static final String DRAW_COUNTY_ADMIN = "nt_admin_513228";

	static final String DRAW_COUNTY_SUPERVISOR = "nt_sup_513228";

	private NamingFixtures() {
	}

	static void users(JdbcTemplate jdbc) {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		user(jdbc, PROVINCE_ADMIN, "ADMIN", "51");
		user(jdbc, PREFECTURE_ADMIN, "ADMIN", "5132");
		user(jdbc, PREFECTURE_SUPERVISOR, "SUPERVISOR", "5132");
		user(jdbc, COUNTY_ADMIN, "ADMIN", "513201");
		user(jdbc, COUNTY_SUPERVISOR, "SUPERVISOR", "513201");
		user(jdbc, COUNTY_STAFF, "STAFF", "513201");
		user(jdbc, OTHER_COUNTY_ADMIN, "ADMIN", "513221");
		user(jdbc, DRAW_COUNTY_ADMIN, "ADMIN", "513228");
		user(jdbc, DRAW_COUNTY_SUPERVISOR, "SUPERVISOR", "513228");
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				select ?, ?, '{noop}-', ?, ? where not exists (select 1 from user_account where username = ?)""", username,
				"命名测试" + username, role, region, username);
	}

	static void signIn(UserDetailsService users, String username) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** Also reads refusals in Chinese, as the pages do for a user of the default locale. */
	static void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	/** A township of {@code county} made for this test alone. */
	static String freshTownship(JdbcTemplate jdbc, String county) {
		return TestRegions.township(jdbc, county, "命名测试乡");
	}

	/** A campaign unit (a 工作室) in {@code region}, written directly: the unit pages are another part's. */
	static long unit(JdbcTemplate jdbc, String region, String name) {
		return jdbc.queryForObject("""
				insert into campaign_unit (name, kind, region_code, created_by) values (?, 'WORK_STUDIO', ?, 'naming-test')
				returning id""", Long.class, name, region);
	}

	/** A title no other test names: letters only, so that a search for it is never taken for a personal number. */
	static String title() {
		var letters = new StringBuilder("民族团结进步示范");
		UUID.randomUUID().toString().substring(0, 8).chars().forEach(c -> letters.append((char) ('A' + Character.digit(c, 16))));
		return letters.toString();
	}

	static ApplicationForm application(String holderKey, String title, NamingLevel level, @Nullable Long renews) {
		return new ApplicationForm(UUID.randomUUID(), holderKey, title, level, "申报材料", renews);
	}

	/** An application received on {@code appliedOn}, recorded today. */
	static ApplicationForm application(String holderKey, String title, NamingLevel level, @Nullable Long renews,
			LocalDate appliedOn) {
		return new ApplicationForm(UUID.randomUUID(), holderKey, title, level, "申报材料", renews, appliedOn.toString());
	}

	static NameForm naming(String number, LocalDate on, long version) {
		return new NameForm(number, on.toString(), version);
	}

	static RevokeForm revocation(String number, LocalDate on, long version) {
		return new RevokeForm("复查发现弄虚作假", number, on.toString(), version);
	}

	/**
	 * Files and names a title as {@code admin} (who must be of its issuing region), named on {@code on}:
	 * a title of the past was applied for on its naming day.
	 */
	static Naming named(NamingService namings, UserDetailsService users, String admin, String holderKey, String title,
			NamingLevel level, LocalDate on) {
		signIn(users, admin);
		var filed = namings.file(on.isBefore(namings.today()) ? application(holderKey, title, level, null, on)
				: application(holderKey, title, level, null));
		return namings.name(filed.getId(), naming("测试〔" + on.getYear() + "〕" + filed.getId() + "号", on, filed.getVersion()));
	}

}
