package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The household export is a real workbook: read back with Apache POI, masked by default, in full
 * only for supervisors and admins, and never beyond the user's region.
 */
@IntegrationTest
class HouseholdExportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void staffExportTheirCountyMaskedAndSupervisorsMayAskForFullNumbersWhichIsAudited() throws Exception {
		long kangding = jdbc.queryForObject("select count(*) from household where region_code like '513301%'", Long.class);
		var staff = user(users.loadUserByUsername("kd_staff"));

		var masked = rows(mvc.perform(get("/households/export").param("regionCode", "5133").with(staff))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(masked.get(0)).startsWith("户主姓名", "户主身份证号", "民族", "联系电话", "村（社区）");
		assertThat(masked).hasSize((int) kangding + 1);
		assertThat(masked.subList(1, masked.size())).allSatisfy(row -> {
			assertThat(row.get(1)).matches("513301\\*{8}[0-9X]{4}");
			assertThat(row.get(5)).startsWith("513301");
		});

		var refused = mvc.perform(post("/households/export-unmasked").param("regionCode", "513301").with(staff).with(csrf()))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);

		var supervisor = user(users.loadUserByUsername("kd_supervisor"));
		long auditedBefore = unmaskedExports();
		var full = rows(mvc.perform(post("/households/export-unmasked").param("regionCode", "513301").with(supervisor).with(csrf()))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(full).hasSize((int) kangding + 1);
		var someId = jdbc.queryForObject("select id_number from household where region_code like '513301%' order by region_code, id limit 1",
				String.class);
		assertThat(full.get(1).get(1)).isEqualTo(someId);
		assertThat(unmaskedExports()).isEqualTo(auditedBefore + 1);
	}

	private long unmaskedExports() {
		return jdbc.queryForObject(
				"select count(*) from audit_event where username = 'kd_supervisor' and action = 'EXPORT_UNMASKED'", Long.class);
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		var formatter = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("家庭");
			for (Row row : workbook.getSheetAt(0)) {
				var values = new ArrayList<String>();
				for (Cell cell : row) {
					while (values.size() < cell.getColumnIndex()) {
						values.add("");
					}
					values.add(formatter.formatCellValue(cell));
				}
				rows.add(values);
			}
		}
		return rows;
	}

}
