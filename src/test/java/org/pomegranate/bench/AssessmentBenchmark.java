package org.pomegranate.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Province scale for the assessments ({@link ProvinceData#assessments}: 183 counties × 3 years ×
 * 66 scored nodes, on the petition data so that live figures read a province's ledgers): the
 * region overview at province, prefecture and county level, an assessment page of 58 articles
 * with live figures (a draft) and one frozen (confirmed), the comparison page; then the same
 * pages with {@value #USERS} users at once; then the .docx + .xlsx of one assessment. Targets:
 * overview p95 ≤ 150 ms, assessment page p95 ≤ 200 ms, the files ≤ 3 s. Not part of
 * {@code ./mvnw verify}: run {@code bench/assessment.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class AssessmentBenchmark {

	private static final int USERS = 8;

	private static final int FILE_RUNS = 5;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void overviewPagesAndFilesAtProvinceScale() throws Exception {
		ProvinceData.assessments(jdbc);
		var admin = user(users.loadUserByUsername("bench_admin"));
		int year = java.time.LocalDate.now().getYear();
		long draft = jdbc.queryForObject("""
				select min(id) from assessment where created_by = 'bench' and state = 'DRAFT' and year = ?""", Long.class, year);
		long confirmed = jdbc.queryForObject("""
				select min(id) from assessment where created_by = 'bench' and state = 'CONFIRMED'""", Long.class);
		var requests = new LinkedHashMap<String, String>();
		requests.put("overview, province 51", "/assessment-overview?region=51");
		requests.put("overview, province 51, last year", "/assessment-overview?region=51&year=" + (year - 1));
		requests.put("overview, prefecture 5133", "/assessment-overview?region=5133");
		requests.put("overview, county 513301", "/assessment-overview?region=513301");
		requests.put("assessment page, draft (live figures) " + draft, "/assessments/" + draft);
		requests.put("assessment page, confirmed " + confirmed, "/assessments/" + confirmed);
		requests.put("comparison, confirmed " + confirmed, "/assessments/" + confirmed + "/comparison");
		var data = new LinkedHashMap<String, Long>(ProvinceData.counts(jdbc));
		data.put("assessment", jdbc.queryForObject("select count(*) from assessment", Long.class));
		data.put("assessment_score", jdbc.queryForObject("select count(*) from assessment_score", Long.class));
		data.put("evidence_snapshot", jdbc.queryForObject("select count(*) from evidence_snapshot", Long.class));
		var report = new StringBuilder(Measurements.measure(mvc, admin, requests, "bench-assessment.txt", data));

		report.append(String.format("%n%d users at once, %d requests each, after warm-up:%n", USERS, Measurements.RUNS));
		for (var request : requests.entrySet()) {
			var sorted = concurrently(request.getValue(), admin);
			report.append(String.format("%-52s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n", request.getKey(),
					Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95), sorted[sorted.length - 1]));
		}

		var millis = new ArrayList<Double>();
		long bytes = 0;
		for (int run = 0; run < FILE_RUNS + 2; run++) {
			long start = System.nanoTime();
			bytes = 0;
			for (var file : List.of("self-report.docx", "evaluation-report.docx", "scores.xlsx")) {
				var response = mvc.perform(get("/assessments/" + confirmed + "/" + file).with(admin)).andReturn().getResponse();
				if (response.getStatus() != 200) {
					throw new IllegalStateException(file + " answered " + response.getStatus());
				}
				bytes += response.getContentAsByteArray().length;
			}
			if (run >= 2) {
				millis.add((System.nanoTime() - start) / 1e6);
			}
		}
		var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		report.append(String.format("%nassessment %d, both .docx + .xlsx (%d bytes): p50 %.0f ms, max %.0f ms over %d runs%n",
				confirmed, bytes, Measurements.percentile(sorted, 50), sorted[sorted.length - 1], FILE_RUNS));
		Measurements.write("bench-assessment.txt", report.toString());
	}

	/** {@value #USERS} users requesting {@code path} at once, each {@link Measurements#RUNS} times; the sorted times. */
	private double[] concurrently(String path, RequestPostProcessor user) throws Exception {
		var times = Collections.synchronizedList(new ArrayList<Double>());
		var executor = Executors.newFixedThreadPool(USERS);
		try {
			var tasks = new ArrayList<Callable<Void>>();
			for (int u = 0; u < USERS; u++) {
				tasks.add(() -> {
					for (int run = 0; run < Measurements.RUNS; run++) {
						long start = System.nanoTime();
						var status = mvc.perform(get(path).with(user)).andReturn().getResponse().getStatus();
						if (status != 200) {
							throw new IllegalStateException(path + " answered " + status);
						}
						times.add((System.nanoTime() - start) / 1e6);
					}
					return null;
				});
			}
			for (var future : executor.invokeAll(tasks)) {
				future.get();
			}
		}
		finally {
			executor.shutdown();
		}
		return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
	}

}
