package org.pomegranate.activity;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Test places of the activity tests, each a prefecture of its own that no demo record and no other
 * test touches, so that every count in it can be worked out by hand: a prefecture {@code code},
 * its counties {@code code01} and {@code code02}, two townships of the first ({@code …01001},
 * {@code …01002}) and one of the second, a village in the first township; users of each level.
 */
record ActivityFixtures(String prefecture) {

	String county() {
		return prefecture + "01";
	}

	String otherCounty() {
		return prefecture + "02";
	}

	String township() {
		return county() + "001";
	}

	String secondTownship() {
		return county() + "002";
	}

	String otherTownship() {
		return otherCounty() + "001";
	}

	String village() {
		return township() + "001";
	}

	/** Staff of the first county; {@code admin}, {@code supervisor}: of the prefecture; {@code otherStaff}: of the second county. */
	String staff() {
		return "act_" + prefecture + "_staff";
	}

	String otherStaff() {
		return "act_" + prefecture + "_other";
	}

	String admin() {
		return "act_" + prefecture + "_admin";
	}

	String supervisor() {
		return "act_" + prefecture + "_supervisor";
	}

	String reviewer() {
		return "act_" + prefecture + "_reviewer";
	}

	ActivityFixtures create(JdbcTemplate jdbc) {
		region(jdbc, prefecture, "活动测试州" + prefecture, "PREFECTURE", "51");
		region(jdbc, county(), "活动测试甲县", "COUNTY", prefecture);
		region(jdbc, otherCounty(), "活动测试乙县", "COUNTY", prefecture);
		region(jdbc, township(), "活动测试一乡", "TOWNSHIP", county());
		region(jdbc, secondTownship(), "活动测试二乡", "TOWNSHIP", county());
		region(jdbc, otherTownship(), "活动测试三乡", "TOWNSHIP", otherCounty());
		region(jdbc, village(), "活动测试村", "VILLAGE", township());
		user(jdbc, staff(), "STAFF", county());
		user(jdbc, otherStaff(), "STAFF", otherCounty());
		user(jdbc, admin(), "ADMIN", prefecture);
		user(jdbc, supervisor(), "SUPERVISOR", prefecture);
		user(jdbc, reviewer(), "REVIEWER", prefecture);
		return this;
	}

	private static void region(JdbcTemplate jdbc, String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	private static void user(JdbcTemplate jdbc, String username, String role, String region) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, ?, '{noop}-', ?, ?) on conflict do nothing""", username, "活动测试" + role, role, region);
	}

	/** A new active cadre of {@code region}; returns its id. */
	static long cadre(JdbcTemplate jdbc, String name, String region) {
		return jdbc.queryForObject("""
				insert into cadre (name, gender, ethnicity, work_unit, level, region_code, phone)
				values (?, 'MALE', '04', '活动测试单位', 'GENERAL', ?, '13812345678') returning id""", Long.class, name, region);
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
