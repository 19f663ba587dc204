package org.pomegranate.shared.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact, with its data in a
 * folder of our choosing. The app uses one when no datasource is configured, {@link Durability#DURABLE};
 * the tests use one in a fresh temporary folder, {@link Durability#FAST_FOR_TESTS}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String DATABASE = "pomegranate";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * How the server writes: the library's defaults are a test server's ({@code -F}, i.e. fsync
	 * off, and {@code synchronous_commit=off}), which a power cut turns into lost acknowledged
	 * writes or a corrupt cluster. Each start says which it wants.
	 */
	public enum Durability {

		/** For the app, where the embedded server is a small office's production database. */
		DURABLE("on"),

		/** For a test server in a throw-away folder: nothing on it needs to survive a power cut. */
		FAST_FOR_TESTS("off");

		private final String setting;

		Durability(String setting) {
			this.setting = setting;
		}

	}

	/**
	 * Starts a server on a free port; keeps what is already in {@code dataDirectory}.
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, Durability durability) {
		try {
			Files.createDirectories(dataDirectory);
			// The library always passes -F (fsync off); these later -c options override it.
			var postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.toFile())
				.setCleanDataDirectory(false)
				// Whoever starts it stops it (the app's context, the tests' shutdown handler): the library's
				// own JVM hook would stop the server while Spring is still closing contexts that query it.
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
				.setServerConfig("fsync", durability.setting)
				.setServerConfig("synchronous_commit", durability.setting)
				.setServerConfig("full_page_writes", durability.setting)
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C.UTF-8")
				.start();
			var server = new EmbeddedPostgresServer(postgres, dataDirectory);
			server.createDatabaseIfMissing();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL server in " + dataDirectory, ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
	}

	public String username() {
		return "postgres";
	}

	/** What Spring Boot needs to build the datasource, Flyway and the session store on this server. */
	public JdbcConnectionDetails connectionDetails() {
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return username();
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return jdbcUrl();
			}

		};
	}

	public String serverVersion() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet version = statement.executeQuery("show server_version")) {
			version.next();
			return version.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Embedded PostgreSQL does not answer", ex);
		}
	}

	public Path dataDirectory() {
		return dataDirectory;
	}

	public int port() {
		return postgres.getPort();
	}

	private void createDatabaseIfMissing() {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			try (ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (exists.next()) {
					return;
				}
			}
			statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the database " + DATABASE, ex);
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

}
