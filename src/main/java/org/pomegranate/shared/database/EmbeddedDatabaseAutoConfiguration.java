package org.pomegranate.shared.database;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The embedded default: with no datasource configured, start a real PostgreSQL server whose data
 * survives restarts (under {@code ./data/postgres} unless {@code pomegranate.database.directory}
 * says otherwise), durably (fsync, synchronous commit and full-page writes on), and point the
 * datasource at it. Tests bring their own
 * {@link JdbcConnectionDetails}, which makes this back off.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(EmbeddedDatabaseCondition.class)
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
public class EmbeddedDatabaseAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(
			@Value("${pomegranate.database.directory:./data/postgres}") String directory) {
		var server = EmbeddedPostgresServer.start(Path.of(directory).toAbsolutePath().normalize(),
				EmbeddedPostgresServer.Durability.DURABLE);
		log.info("Embedded PostgreSQL {} on port {}, data in {} (demo data loaded). "
				+ "To use another server set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.",
				server.serverVersion(), server.port(), server.dataDirectory());
		return server;
	}

	@Bean
	JdbcConnectionDetails embeddedJdbcConnectionDetails(EmbeddedPostgresServer server) {
		return server.connectionDetails();
	}

}
