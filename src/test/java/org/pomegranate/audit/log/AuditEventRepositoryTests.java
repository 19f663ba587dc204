package org.pomegranate.audit.log;

import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit log is append-only in the database itself, whatever code or person connects.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabaseConfiguration.class)
class AuditEventRepositoryTests {

	@Autowired
	AuditEventRepository events;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void keepsWhatIsAppended() {
		var saved = events.save(new AuditEvent("kd_staff", "513301", AuditAction.CREATE.name(), "Region",
				"513301999", "TOWNSHIP 新乡", "127.0.0.1", AuditOutcome.SUCCESS));
		events.save(saved);
		var row = jdbc.queryForMap("select username, region_code, action, outcome from audit_event where id = ?",
				saved.getId());
		assertThat(row).containsEntry("username", "kd_staff")
			.containsEntry("region_code", "513301")
			.containsEntry("action", "CREATE")
			.containsEntry("outcome", "SUCCESS");
	}

	@Test
	@Transactional(propagation = Propagation.NOT_SUPPORTED) // each refusal in its own transaction
	void refusesUpdateDeleteAndTruncate() {
		var saved = events.save(new AuditEvent("kd_staff", "513301", AuditAction.LOGIN.name(), null, null,
				"signed in", "127.0.0.1", AuditOutcome.SUCCESS));
		assertThatThrownBy(() -> jdbc.update("update audit_event set username = 'someone' where id = ?", saved.getId()))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", saved.getId()))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("append-only");
	}

}
