package org.pomegranate.unit.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test data of the unit tests in 阿坝州, where no demo unit lies: a township 单位测试乡 of 黑水县
 * (513228) with two villages, a township of 小金县 (513227) as "another county", users of both made
 * here, and cadres made on demand. Names carry a sequence so that tests sharing one database never
 * meet.
 */
final class UnitFixtures {

	static final String COUNTY = "513228";

	static final String TOWNSHIP = "513228801";

	static final String VILLAGE_A = "513228801001";

	static final String VILLAGE_B = "513228801002";

	static final String OTHER_COUNTY = "513227";

	static final String OTHER_TOWNSHIP = "513227801";

	static final String STAFF = "unit_hs_staff";

	static final String ADMIN = "unit_hs_admin";

	static final String SUPERVISOR = "unit_hs_supervisor";

	static final String TOWNSHIP_STAFF = "unit_hs_township";

	static final String OTHER_STAFF = "unit_xj_staff";

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private UnitFixtures() {
	}

	static void regionsAndUsers(JdbcTemplate jdbc) {
		region(jdbc, TOWNSHIP, "单位测试乡", "TOWNSHIP", COUNTY);
		region(jdbc, VILLAGE_A, "甲测试村", "VILLAGE", TOWNSHIP);
		region(jdbc, VILLAGE_B, "乙测试村", "VILLAGE", TOWNSHIP);
		region(jdbc, OTHER_TOWNSHIP, "小金测试乡", "TOWNSHIP", OTHER_COUNTY);
		user(jdbc, STAFF, "STAFF", COUNTY);
		user(jdbc, ADMIN, "ADMIN", COUNTY);
		user(jdbc, SUPERVISOR, "SUPERVISOR", COUNTY);
		user(jdbc, TOWNSHIP_STAFF, "STAFF", TOWNSHIP);
		user(jdbc, OTHER_STAFF, "STAFF", OTHER_COUNTY);
	}

	private static void region(JdbcTemplate jdbc, String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, ?, '{noop}-', ?, ?) on conflict do nothing""", username, "单位测试" + role, role, region);
	}

	/** A new active cadre of {@code region}; returns its id. */
	static long cadre(JdbcTemplate jdbc, String name, String region) {
		return jdbc.queryForObject("""
				insert into cadre (name, gender, ethnicity, work_unit, level, region_code, phone)
				values (?, 'FEMALE', '04', '测试单位', 'YUZIYUAN', ?, '13812345678') returning id""", Long.class, name, region);
	}

	/** A name no other test uses. */
	static String name(String stem) {
		return stem + SEQUENCE.incrementAndGet();
	}

	/** Runs {@code action} as {@code username}, as a request of theirs would. */
	static <T> T as(UserDetailsService users, String username, Supplier<T> action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
