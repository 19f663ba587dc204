package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pomegranate.shared.database.EmbeddedDatabaseAutoConfiguration;
import org.pomegranate.shared.database.EmbeddedPostgresServer;
import org.pomegranate.shared.database.EmbeddedPostgresServer.Durability;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The embedded default keeps what was entered: a second start on the same folder finds it, and the
 * server the app starts writes durably, so that a power cut loses no acknowledged write.
 */
class EmbeddedPostgresServerTests {

	@Test
	void dataSurvivesARestart(@TempDir Path directory) throws Exception {
		try (var first = EmbeddedPostgresServer.start(directory, Durability.FAST_FOR_TESTS)) {
			try (var connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
					var statement = connection.createStatement()) {
				statement.execute("create table kept (name text)");
				statement.execute("insert into kept values ('石榴籽')");
			}
			assertThat(first.serverVersion()).startsWith("17.");
		}
		try (var second = EmbeddedPostgresServer.start(directory, Durability.FAST_FOR_TESTS);
				var connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
				var statement = connection.createStatement();
				var rows = statement.executeQuery("select name from kept")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("石榴籽");
		}
	}

	/**
	 * Started as the app starts it (its auto-configuration, with no datasource given), the server
	 * says fsync, synchronous commit and full-page writes are on. Only a power cut could show what
	 * they protect; the server's own answer is what a test can ask.
	 */
	@Test
	void theAppsEmbeddedServerWritesDurably(@TempDir Path directory) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(EmbeddedDatabaseAutoConfiguration.class))
			.withPropertyValues("pomegranate.database.directory=" + directory)
			.run(context -> {
				var database = context.getBean(JdbcConnectionDetails.class);
				try (var connection = DriverManager.getConnection(database.getJdbcUrl(), database.getUsername(),
						database.getPassword()); var statement = connection.createStatement()) {
					for (var setting : new String[] { "fsync", "synchronous_commit", "full_page_writes" }) {
						try (var shown = statement.executeQuery("show " + setting)) {
							shown.next();
							assertThat(shown.getString(1)).as(setting).isEqualTo("on");
						}
					}
				}
			});
	}

}
