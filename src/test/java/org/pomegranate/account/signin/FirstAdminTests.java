package org.pomegranate.account.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.pomegranate.PomegranateApplication;
import org.pomegranate.TestDatabaseConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A production start against an empty external database: no demo data, no default admin; the
 * first admin comes from the environment or the app refuses to start.
 */
class FirstAdminTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	@Test
	void refusesToStartWithoutAnAdminFromTheEnvironment() throws SQLException {
		var url = emptyDatabase();
		assertThatThrownBy(() -> start(url, Map.of()).close()).hasMessage(
				"The database has no users. Set POMEGRANATE_ADMIN_USERNAME and POMEGRANATE_ADMIN_PASSWORD (at least 12 "
						+ "characters, hard to guess, not a common password, not containing the user name, not the "
						+ "README's demo password) to create the first admin, and optionally POMEGRANATE_ADMIN_REGION "
						+ "(default 51).");
	}

	@Test
	void refusesAWeakFirstAdminPassword() throws SQLException {
		var url = emptyDatabase();
		assertThatThrownBy(() -> start(url, Map.of("pomegranate.admin.username", "sc_admin",
				"pomegranate.admin.password", "unbelievable")).close())
			.hasStackTraceContaining("password.error.common");
	}

	@Test
	void refusesTheReadmeDemoPasswordAndABlankOneOutsideTheDemoDatabase() throws SQLException {
		var url = emptyDatabase();
		assertThatThrownBy(() -> start(url, Map.of("pomegranate.admin.username", "sc_admin",
				"pomegranate.admin.password", "Shiliuzi-2024!")).close())
			.hasStackTraceContaining("password.error.demoPassword");
		assertThatThrownBy(() -> start(url, Map.of("pomegranate.admin.username", "sc_admin",
				"pomegranate.admin.password", " ".repeat(12))).close())
			.hasStackTraceContaining("POMEGRANATE_ADMIN_PASSWORD");
	}

	@Test
	void createsTheFirstAdminWhoMustChangeThePasswordAndNoDemoData() throws SQLException {
		var url = emptyDatabase();
		try (var app = start(url, Map.of("pomegranate.admin.username", "sc_admin", "pomegranate.admin.password",
				"Sichuan-Office-2024", "pomegranate.admin.region", "5133"))) {
			var jdbc = app.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForList("select username from user_account", String.class)).containsExactly("sc_admin");
			assertThat(jdbc.queryForMap("select role, region_code, password_change_required from user_account"))
				.containsEntry("role", "ADMIN")
				.containsEntry("region_code", "5133")
				.containsEntry("password_change_required", true);
		}
	}

	/** Starts the app as production would: only a datasource URL and the given settings. */
	private static ConfigurableApplicationContext start(String url, Map<String, String> settings) {
		var details = TestDatabaseConfiguration.Database.INSTANCE;
		var arguments = new ArrayList<>(List.of("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + details.getUsername(),
				"--spring.datasource.password=" + details.getPassword(), "--server.port=0"));
		settings.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(PomegranateApplication.class).run(arguments.toArray(String[]::new));
	}

	/** A new, empty database on the test server. */
	private static String emptyDatabase() throws SQLException {
		var details = TestDatabaseConfiguration.Database.INSTANCE;
		var name = "first_admin_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
		try (var connection = DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
				var statement = connection.createStatement()) {
			statement.execute("drop database if exists " + name);
			statement.execute("create database " + name);
		}
		return details.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
	}

}
