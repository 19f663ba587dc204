package org.pomegranate.unit.figures;

import org.springframework.jdbc.core.JdbcTemplate;

/** The admin of 阿坝州 these tests read figures as, created by the tests themselves. */
final class FixtureUser {

	static final String NAME = "uf_aba_admin";

	private FixtureUser() {
	}

	static void create(JdbcTemplate jdbc) {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '阿坝州统计测试', '{noop}not-used', 'ADMIN', '5132') on conflict do nothing""", NAME);
	}

}
