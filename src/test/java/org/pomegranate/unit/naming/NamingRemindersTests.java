package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.OTHER_COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.unit.naming.NamingReminders.DueCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The 即将到期 counts are the record keepers' and stay inside the reader's region: a title due in a
 * township of 马尔康市 counts for the prefecture and for that township, never for an admin of
 * 黑水县, who cannot ask for the township, nor for the prefecture above them; a reviewer reads none.
 */
@IntegrationTest
class NamingRemindersTests {

	private static final String OTHER_COUNTY = "513221";

	private static final String REVIEWER = "nt_reviewer_513221";

	@Autowired
	NamingService namings;

	@Autowired
	NamingReminders reminders;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				select ?, '命名测试评估', '{noop}-', 'REVIEWER', ? where not exists (select 1 from user_account where username = ?)""",
				REVIEWER, OTHER_COUNTY, REVIEWER);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void anotherCountysAdminCountsNoTitleOutsideTheirCounty() {
		var today = ChinaTime.today(clock);
		signIn(users, OTHER_COUNTY_ADMIN);
		var ownBefore = reminders.dueCounts(OTHER_COUNTY, today);
		signIn(users, PREFECTURE_ADMIN);
		var prefectureBefore = reminders.dueCounts("5132", today);

		var township = NamingFixtures.freshTownship(jdbc, "513201");
		// Ends in 20 days; named nearly five years ago, so its mid-term re-check is overdue too.
		NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + township, NamingFixtures.title(), NamingLevel.PREFECTURE,
				today.minusYears(5).plusDays(21));

		assertThat(reminders.dueCounts(township, today)).isEqualTo(new DueCounts(1, 1, 1, 1));
		assertThat(reminders.dueCounts("5132", today)).isEqualTo(new DueCounts(prefectureBefore.expiringWithin30() + 1,
				prefectureBefore.expiringWithin90() + 1, prefectureBefore.expiringWithin180() + 1,
				prefectureBefore.midTermDue() + 1));

		signIn(users, OTHER_COUNTY_ADMIN);
		assertThat(reminders.dueCounts(OTHER_COUNTY, today)).isEqualTo(ownBefore);
		assertThatThrownBy(() -> reminders.dueCounts(township, today)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> reminders.dueCounts("5132", today)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> reminders.dueCounts("51", today)).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aReviewerReadsNoCounts() {
		signIn(users, REVIEWER);
		assertThatThrownBy(() -> reminders.dueCounts(OTHER_COUNTY, ChinaTime.today(clock)))
			.isInstanceOf(AccessDeniedException.class);
	}

}
