package org.pomegranate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.pomegranate.shared.database.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get their database from, always a real PostgreSQL server:
 * <ul>
 * <li>{@code POMEGRANATE_TEST_DATABASE_URL} (with {@code _USERNAME}, {@code _PASSWORD}): an existing
 * server, e.g. the machine's PostgreSQL 15 to prove the minimum version;</li>
 * <li>{@code POMEGRANATE_TEST_DATABASE=testcontainers}: a PostgreSQL container, where a Docker engine runs;</li>
 * <li>otherwise: an embedded server in a fresh folder under {@code target/}, one per test JVM, with
 * fsync and synchronous commit off (the app's own embedded server runs durably).</li>
 * </ul>
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	@Bean
	JdbcConnectionDetails testJdbcConnectionDetails() {
		return Database.INSTANCE;
	}

	/** Started once per JVM and shared by every test context. */
	public static final class Database {

		public static final JdbcConnectionDetails INSTANCE = start();

		private static JdbcConnectionDetails start() {
			var url = System.getenv("POMEGRANATE_TEST_DATABASE_URL");
			if (url != null && !url.isBlank()) {
				return details(url, env("POMEGRANATE_TEST_DATABASE_USERNAME", "postgres"),
						env("POMEGRANATE_TEST_DATABASE_PASSWORD", ""));
			}
			if ("testcontainers".equalsIgnoreCase(System.getenv("POMEGRANATE_TEST_DATABASE"))) {
				if (!DockerClientFactory.instance().isDockerAvailable()) {
					throw new IllegalStateException(
							"POMEGRANATE_TEST_DATABASE=testcontainers, but no Docker engine is reachable");
				}
				var container = new PostgreSQLContainer("postgres:17-alpine");
				container.start();
				return details(container.getJdbcUrl(), container.getUsername(), container.getPassword());
			}
			var server = EmbeddedPostgresServer.start(freshDirectory(), EmbeddedPostgresServer.Durability.FAST_FOR_TESTS);
			// Stopped after Spring has closed every cached test context (a JVM shutdown hook of our own
			// would run beside Spring's and stop the server while closing contexts still query it:
			// Modulith's event registry did, and each context then waited 30 s for a connection).
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			return server.connectionDetails();
		}

		private static Path freshDirectory() {
			try {
				Files.createDirectories(Path.of("target"));
				return Files.createTempDirectory(Path.of("target").toAbsolutePath(), "test-postgres-");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static String env(String name, String fallback) {
			var value = System.getenv(name);
			return value == null ? fallback : value;
		}

		private static JdbcConnectionDetails details(String url, String username, String password) {
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return username;
				}

				@Override
				public String getPassword() {
					return password;
				}

				@Override
				public String getJdbcUrl() {
					return url;
				}

			};
		}

	}

}
