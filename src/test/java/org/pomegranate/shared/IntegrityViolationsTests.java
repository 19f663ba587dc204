package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The constraint a refused write broke, as PostgreSQL names it, so that each gets its own message
 * and a refusal nobody foresaw is never taken for a duplicate ID number.
 */
class IntegrityViolationsTests {

	private SingleConnectionDataSource connection;

	private JdbcTemplate jdbc;

	@BeforeEach
	void table() {
		var database = TestDatabaseConfiguration.Database.INSTANCE;
		connection = new SingleConnectionDataSource(database.getJdbcUrl(), database.getUsername(),
				database.getPassword(), true);
		jdbc = new JdbcTemplate(connection);
		jdbc.execute("""
				create temporary table integrity_sample (
				    id_number varchar(18),
				    members   integer check (members between 1 and 50),
				    name      varchar(5))""");
		jdbc.execute("create unique index integrity_sample_id_number on integrity_sample (id_number)");
		jdbc.update("insert into integrity_sample values ('513301', 1, 'a')");
	}

	@AfterEach
	void close() {
		connection.destroy();
	}

	@Test
	void aSecondRowWithTheSameKeyNamesItsUniqueIndex() {
		var refused = refused("insert into integrity_sample values ('513301', 2, 'b')");
		assertThat(IntegrityViolations.constraint(refused)).hasValue("integrity_sample_id_number");
		assertThat(IntegrityViolations.violates(refused, "integrity_sample_id_number")).isTrue();
		assertThat(IntegrityViolations.isDuplicate(refused)).isTrue();
	}

	@Test
	void aBrokenCheckIsNoDuplicate() {
		var refused = refused("insert into integrity_sample values ('513302', 99, 'c')");
		assertThat(IntegrityViolations.constraint(refused)).hasValue("integrity_sample_members_check");
		assertThat(IntegrityViolations.violates(refused, "integrity_sample_id_number")).isFalse();
		assertThat(IntegrityViolations.isDuplicate(refused)).isFalse();
	}

	/** Too long, or a NUL the driver refuses: no constraint at all, so no constraint's message. */
	@Test
	void aValueTheColumnCannotHoldNamesNoConstraint() {
		var tooLong = refused("insert into integrity_sample values ('513303', 1, 'abcdefgh')");
		assertThat(IntegrityViolations.constraint(tooLong)).isEmpty();
		assertThat(IntegrityViolations.violates(tooLong, "integrity_sample_id_number")).isFalse();
		var nul = catchThrowableOfType(DataIntegrityViolationException.class,
				() -> jdbc.update("insert into integrity_sample values (?, 1, 'd')", "5133\u000004"));
		assertThat(nul).isNotNull();
		assertThat(IntegrityViolations.constraint(nul)).isEmpty();
		assertThat(IntegrityViolations.isDuplicate(nul)).isFalse();
	}

	private DataIntegrityViolationException refused(String sql) {
		var refused = catchThrowableOfType(DataIntegrityViolationException.class, () -> jdbc.update(sql));
		assertThat(refused).as(sql).isNotNull();
		return refused;
	}

}
