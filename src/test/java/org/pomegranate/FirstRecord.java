package org.pomegranate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A petition of 1 January 2023 (closed, solved) in a township of its own, so that periods from 2023 on may be
 * asked for whatever ran before (periods are offered from the first record on; the demo data
 * reaches back one year only).
 */
public final class FirstRecord {

	private FirstRecord() {
	}

	public static void of2023(JdbcTemplate jdbc) {
		jdbc.update("""
				insert into region (code, name, level, parent_code) values ('513324984', '历史测试乡', 'TOWNSHIP', '513324'),
				    ('513324984001', '历史村', 'VILLAGE', '513324984')
				on conflict do nothing""");
		jdbc.update("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				    urgency, received_on, state, outcome, accept_due_on, close_due_on, first_pushed_on, first_accepted_on,
				    closed_on, registered_by)
				values ('513324-1969-000001', gen_random_uuid(), 'WALK_IN', '历史', '513324984001',
				        (select min(id) from petition_category), '最早的诉求', 'NORMAL', date '2023-01-01', 'ARCHIVED', 'SOLVED',
				        date '2023-01-04', date '2023-01-16', date '2023-01-01', date '2023-01-02', date '2023-01-05', 'test')
				on conflict (number) do nothing""");
	}

}
