package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the dashboards and the monthly report ({@link ProvinceData}: pairings, visits
 * and petitions): the dashboard page and the JSON its charts read at province, prefecture and
 * county level, with the ratio of server time to SQL time; then the report of one prefecture-month,
 * both files. Not part of {@code ./mvnw verify}: run {@code bench/dashboard.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class DashboardBenchmark {

	private static final int REPORT_RUNS = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void dashboardsAndTheMonthlyReportAtProvinceScale() throws Exception {
		ProvinceData.petitions(jdbc);
		var admin = user(users.loadUserByUsername("bench_admin"));
		var month = LocalDate.now(ChinaTime.ZONE).minusMonths(1).toString().substring(0, 7);
		var requests = new LinkedHashMap<String, String>();
		for (var region : new String[] { "51", "5133", "513301" }) {
			var level = switch (region.length()) {
				case 2 -> "province";
				case 4 -> "prefecture";
				default -> "county";
			};
			requests.put("dashboard, " + level + " " + region, "/dashboard?region=" + region);
			requests.put("dashboard, " + level + " " + region + ", year", "/dashboard?region=" + region + "&period="
					+ month.substring(0, 4));
			requests.put("api trend, " + level + " " + region, "/api/stats/trend?region=" + region);
			requests.put("api categories, " + level + " " + region, "/api/stats/categories?region=" + region);
			requests.put("api regions, " + level + " " + region, "/api/stats/regions?region=" + region);
		}
		var pages = Measurements.measure(mvc, admin, requests, "bench-dashboard.txt", ProvinceData.counts(jdbc));

		// The report of one prefecture and month: opening the draft, then both files.
		var report = new StringBuilder(pages);
		if (System.getProperty("bench.only", "").isEmpty()) {
			var location = mvc.perform(post("/reports").param("region", "5133").param("period", month).with(admin).with(csrf()))
				.andReturn()
				.getResponse()
				.getRedirectedUrl();
			var millis = new ArrayList<Double>();
			long bytes = 0;
			for (int run = 0; run < REPORT_RUNS; run++) {
				long start = System.nanoTime();
				var xlsx = mvc.perform(get(location + "/xlsx").with(admin)).andReturn().getResponse();
				var docx = mvc.perform(get(location + "/docx").with(admin)).andReturn().getResponse();
				millis.add((System.nanoTime() - start) / 1e6);
				if (xlsx.getStatus() != 200 || docx.getStatus() != 200) {
					throw new IllegalStateException("report files answered " + xlsx.getStatus() + "/" + docx.getStatus());
				}
				bytes = xlsx.getContentAsByteArray().length + docx.getContentAsByteArray().length;
			}
			var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			report.append(String.format("report 5133 %s, .xlsx + .docx (%d bytes): p50 %.0f ms, max %.0f ms over %d runs%n",
					month, bytes, Measurements.percentile(sorted, 50), sorted[sorted.length - 1], REPORT_RUNS));
		}
		Measurements.write("bench-dashboard.txt", report.toString());
	}

}
