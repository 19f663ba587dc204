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
 * folder of our choosing. The app uses one when no datasource is configured; the tests use one
 * in a fresh temporary folder.
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
	 * Starts a server on a free port; keeps what is already in {@code dataDirectory}.
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory) {
		try {
			Files.createDirectories(dataDirectory);
			var postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.toFile())
				.setCleanDataDirectory(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
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
