package org.pomegranate.shared.database;

import java.util.Collection;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes that touch many rows in one statement, so that the statement-level tally triggers
 * (db/TALLIES.md) see the whole batch once rather than once per row.
 */
public final class BulkStatements {

	private BulkStatements() {
	}

	/** Deletes the rows of {@code table} (a name written in code, never from input) whose id is one of {@code ids}; how many. */
	public static int deleteByIds(JdbcTemplate jdbc, String table, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.update(connection -> {
			var statement = connection.prepareStatement("delete from " + table + " where id = any (?)");
			statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
			return statement;
		});
	}

}
