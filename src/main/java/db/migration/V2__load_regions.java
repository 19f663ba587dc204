package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.springframework.core.io.ClassPathResource;

/**
 * Loads the division facts (National Bureau of Statistics codes, 2023 edition): every province,
 * prefecture and county of China, and every township and village of Sichuan. COPY takes the
 * 37,500 rows in well under a second.
 */
public class V2__load_regions extends BaseJavaMigration {

	private static final String[] FILES = { "db/regions/china-counties.csv",
			"db/regions/sichuan-townships-villages.csv" };

	@Override
	public void migrate(Context context) throws Exception {
		var connection = context.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("create temporary table region_fact (code text, name text, level text, parent_code text) on commit drop");
		}
		var copyManager = connection.unwrap(PGConnection.class).getCopyAPI();
		for (String file : FILES) {
			try (Reader csv = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
				copyManager.copyIn("copy region_fact from stdin with (format csv, header true)", csv);
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("""
					insert into region (code, name, level, parent_code)
					select code, name, upper(level), nullif(parent_code, '') from region_fact
					""");
		}
	}

}
