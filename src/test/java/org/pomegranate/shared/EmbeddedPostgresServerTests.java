package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pomegranate.shared.database.EmbeddedPostgresServer;

/**
 * The embedded default keeps what was entered: a second start on the same folder finds it.
 */
class EmbeddedPostgresServerTests {

	@Test
	void dataSurvivesARestart(@TempDir Path directory) throws Exception {
		try (var first = EmbeddedPostgresServer.start(directory)) {
			try (var connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
					var statement = connection.createStatement()) {
				statement.execute("create table kept (name text)");
				statement.execute("insert into kept values ('石榴籽')");
			}
			assertThat(first.serverVersion()).startsWith("17.");
		}
		try (var second = EmbeddedPostgresServer.start(directory);
				var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select name from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("石榴籽");
		}
	}

}
