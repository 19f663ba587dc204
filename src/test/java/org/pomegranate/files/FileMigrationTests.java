package org.pomegranate.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.TestDatabaseConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V25 and V26 on a database with the old tables: visit photos, petition attachments and the files
 * of frozen reports move into the store byte for byte, names end in the extension of what the
 * bytes are, the old tables and columns are gone, and a frozen report's files are as frozen as
 * the report. Runs on a database of its own on the test server, migrated first to V24.
 */
class FileMigrationTests {

	private static final int MIB = 1024 * 1024;

	private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final String database = "files_migration_" + System.nanoTime();

	private JdbcTemplate server;

	private DataSource dataSource;

	private JdbcTemplate jdbc;

	@BeforeEach
	void databaseAtV24() {
		var details = TestDatabaseConfiguration.Database.INSTANCE;
		server = new JdbcTemplate(new DriverManagerDataSource(details.getJdbcUrl(), details.getUsername(),
				details.getPassword()));
		server.execute("create database " + database);
		dataSource = new DriverManagerDataSource(
				details.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"), details.getUsername(),
				details.getPassword());
		jdbc = new JdbcTemplate(dataSource);
		// Up to V24 only; Flyway applies repeatable migrations whatever the target, so they are
		// hidden behind a prefix no file has until the second run.
		flyway().target("24").repeatableSqlMigrationPrefix("NOT_YET_R").load().migrate();
	}

	@AfterEach
	void dropDatabase() {
		server.execute("drop database if exists " + database + " with (force)");
	}

	@Test
	void photosAttachmentsAndFrozenReportFilesMoveIntoTheStore() throws Exception {
		var village = jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
		long visit = visitIn(village);
		var bigPhoto = photo((int) (2.5 * MIB));
		var polyglot = Arrays.copyOf(bigPhoto, 4096);
		System.arraycopy("<html><script>".getBytes(), 0, polyglot, 100, 14);
		insert("insert into visit_photo (visit_id, filename, content_type, size_bytes, data) "
				+ "values (?, '家访.JPG', 'image/jpeg', ?, ?) returning id", visit, bigPhoto.length, bigPhoto);
		insert("insert into visit_photo (visit_id, filename, content_type, size_bytes, data) "
				+ "values (?, 'x.html', 'image/jpeg', ?, ?) returning id", visit, polyglot.length, polyglot);
		var letter = "%PDF-1.4\n%âã\n1 0 obj<<>>endobj\n".getBytes();
		var step = petitionStepIn(village);
		insert("""
				insert into petition_attachment (petition_id, step_id, region_code, filename, content_type, size_bytes, data)
				values (?, ?, ?, '来信', 'application/pdf', ?, ?) returning id""", step.get("petition_id"), step.get("id"),
				village, letter.length, letter);
		var workbook = "PK\u0003\u0004 workbook bytes".getBytes();
		var document = "PK\u0003\u0004 document bytes".getBytes();
		long report = insert("""
				insert into monthly_report (region_code, period_kind, period_start, state, figures, xlsx, docx, created_by,
				                            frozen_by, frozen_at)
				values ('513301', 'MONTH', '2024-02-01', 'FROZEN', '{"regionName": "康定市", "periodLabel": "2024年2月"}',
				        ?, ?, 'kd_admin', 'kd_admin', now()) returning id""", workbook, document);

		flyway().load().migrate();

		assertThat(jdbc.queryForObject("select to_regclass('visit_photo') is null and to_regclass('petition_attachment') is null",
				Boolean.class)).isTrue();
		assertThat(jdbc.queryForObject("""
				select count(*) from information_schema.columns where table_name = 'monthly_report'
				and column_name in ('xlsx', 'docx')""", Long.class)).isZero();

		var photos = jdbc.queryForList("""
				select id, filename, content_type, size_bytes, sha256, region_code, uploaded_by from stored_file
				where owner_kind = 'visit' and owner_id = ? order by id""", visit);
		assertThat(photos).extracting(row -> row.get("filename")).containsExactly("家访.JPG", "x.jpg");
		assertThat(photos.get(0)).containsEntry("content_type", "image/jpeg")
			.containsEntry("size_bytes", (long) bigPhoto.length)
			.containsEntry("sha256", sha256(bigPhoto))
			.containsEntry("region_code", village)
			.containsEntry("uploaded_by", "迁移测试");
		long moved = (Long) photos.get(0).get("id");
		assertThat(jdbc.queryForObject("select count(*) from stored_file_chunk where file_id = ?", Long.class, moved))
			.isEqualTo(3);
		assertThat(content(moved)).isEqualTo(bigPhoto);
		assertThat(content((Long) photos.get(1).get("id"))).isEqualTo(polyglot);

		assertThat(jdbc.queryForMap("""
				select filename, content_type, region_code, uploaded_by from stored_file
				where owner_kind = 'petition-step' and owner_id = ?""", step.get("id")))
			.containsEntry("filename", "来信.pdf")
			.containsEntry("content_type", "application/pdf")
			.containsEntry("region_code", village)
			.containsEntry("uploaded_by", "迁移测试");

		var reportFiles = jdbc.queryForList("""
				select id, filename, content_type from stored_file where owner_kind = 'monthly-report' and owner_id = ?
				order by id""", report);
		assertThat(reportFiles).extracting(row -> row.get("filename"))
			.containsExactly("康定市2024年2月民族团结进步创建工作情况汇报（定稿）.xlsx", "康定市2024年2月民族团结进步创建工作情况汇报（定稿）.docx");
		assertThat(content((Long) reportFiles.get(0).get("id"))).isEqualTo(workbook);
		assertThat(content((Long) reportFiles.get(1).get("id"))).isEqualTo(document);

		// The frozen report's files are as frozen as the report.
		long xlsx = (Long) reportFiles.get(0).get("id");
		assertThatThrownBy(() -> jdbc.update("delete from stored_file where id = ?", xlsx)).hasMessageContaining("frozen");
		assertThatThrownBy(() -> jdbc.update("update stored_file set filename = 'x.xlsx' where id = ?", xlsx))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> jdbc.update("delete from stored_file_chunk where file_id = ?", xlsx))
			.hasMessageContaining("cannot be changed");
		assertThatThrownBy(() -> jdbc.update("""
				insert into stored_file (owner_kind, owner_id, region_code, content_type, filename, size_bytes, sha256,
				                         uploaded_by)
				values ('monthly-report', ?, '513301', ?, '加页.xlsx', 1, repeat('0', 64), 'kd_admin')""", report, XLSX))
			.hasMessageContaining("frozen");
		// A frozen report needs both its files: freezing one without them fails when it commits.
		long draft = insert("""
				insert into monthly_report (region_code, period_kind, period_start, state, created_by)
				values ('513301', 'MONTH', '2024-03-01', 'DRAFT', 'kd_admin') returning id""");
		assertThatThrownBy(() -> jdbc.update("""
				update monthly_report set state = 'FROZEN', figures = '{}', frozen_by = 'kd_admin', frozen_at = now()
				where id = ?""", draft)).hasMessageContaining("has not got both its files");
	}

	private FluentConfiguration flyway() {
		return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
	}

	private long visitIn(String village) {
		long household = insert("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count)
				values ('迁移测试', '513301199001010011', '04', ?, 3) returning id""", village);
		long cadre = insert("""
				insert into cadre (name, gender, ethnicity, work_unit, position, level, region_code)
				values ('迁移干部', 'MALE', '04', '康定市', '干部', 'GENERAL', '513301') returning id""");
		long program = insert("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('迁移测试计划', '513301', 255, 31, 0, 99, 30) returning id""");
		long pairing = insert("""
				insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
				values (?, ?, ?, ?, current_date - 10) returning id""", program, cadre, household, village);
		return insert("""
				insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
				values (?, ?, ?, current_date - 1, 'HOME_VISIT', '迁移测试', '迁移测试') returning id""", pairing, household,
				village);
	}

	private Map<String, Object> petitionStepIn(String village) {
		long petition = insert("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				                      urgency, received_on, state, accept_due_on, close_due_on, registered_by)
				values ('513301-1999-000001', gen_random_uuid(), 'WALK_IN', '迁移测试', ?,
				        (select min(id) from petition_category), '迁移测试诉求', 'NORMAL', current_date, 'REGISTERED',
				        current_date + 3, current_date + 15, '迁移测试') returning id""", village);
		return jdbc.queryForMap("""
				insert into petition_step (petition_id, region_code, action, to_state, actor_username, actor_name)
				values (?, ?, 'REGISTER', 'REGISTERED', '迁移测试', '迁移测试') returning id, petition_id""", petition, village);
	}

	private long insert(String sql, Object... arguments) {
		return jdbc.queryForObject(sql, Long.class, arguments);
	}

	private byte[] content(long fileId) {
		return jdbc.queryForObject("select string_agg(data, ''::bytea order by seq) from stored_file_chunk where file_id = ?",
				byte[].class, fileId);
	}

	/** A JPEG's magic and pseudo-random bytes. */
	private static byte[] photo(int size) {
		var content = new byte[size];
		new Random(25).nextBytes(content);
		content[0] = (byte) 0xFF;
		content[1] = (byte) 0xD8;
		content[2] = (byte) 0xFF;
		return content;
	}

	private static String sha256(byte[] content) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
	}

}
