package org.pomegranate.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The household import at its budgets: a CSV of {@code bench.rows} new households (10,000 by
 * default) in 康定市's villages, the dry run (upload → preview) and the commit (confirm → the batch
 * done) timed apart; the heap's peak while both run, sampled every 50 ms; and the p50/p95 of the
 * household list page of another user (泸定县) requested one after another while the commit runs.
 * Not part of {@code ./mvnw verify}: run {@code bench/import.sh}.
 */
@Tag("benchmark")
@IntegrationTest
class ImportBenchmark {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void tenThousandHouseholdsThroughTheDryRunAndTheCommit() throws Exception {
		int rows = Integer.getInteger("bench.rows", 10_000);
		var villages = jdbc.queryForList("select code from region where level = 'VILLAGE' and retired_at is null and code like '513301%' order by code",
				String.class);
		var csv = new StringBuilder("户主姓名,户主身份证号,民族,联系电话,村（社区）,家庭人口,类别\n");
		long seed = System.currentTimeMillis() % 1000;
		for (int i = 0; i < rows; i++) {
			// Born on a day of 1950–2009 and a sequence number from the run's seed: no two alike, none in the demo data.
			var birth = java.time.LocalDate.of(1950, 1, 1).plusDays(i % 21_900);
			var first17 = "513301" + birth.toString().replace("-", "") + String.format("%03d", (seed + i / 21_900) % 1000);
			csv.append("基准户").append(i).append(',').append(IdNumber.withCheckCharacter(first17)).append(",藏族,1380000")
				.append(String.format("%04d", i % 10_000)).append(',').append(villages.get(i % villages.size())).append(",3,脱贫户\n");
		}
		var staff = user(users.loadUserByUsername("kd_staff"));
		var other = user(users.loadUserByUsername("ld_staff"));
		var peak = new AtomicLong();
		var sampling = new AtomicBoolean(true);
		var memory = ManagementFactory.getMemoryMXBean();
		var sampler = new Thread(() -> {
			while (sampling.get()) {
				peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();

		long start = System.nanoTime();
		var upload = mvc.perform(multipart("/imports/upload")
			.file(new MockMultipartFile("file", "bench.csv", null, csv.toString().getBytes(StandardCharsets.UTF_8)))
			.param("kind", "households")
			.with(staff)
			.with(csrf())).andReturn().getResponse();
		var page = Jsoup.parse(mvc.perform(get("/imports/draft").with(staff)).andReturn().getResponse().getContentAsString());
		double dryRunSeconds = (System.nanoTime() - start) / 1e9;
		assertThat(upload.getRedirectedUrl()).isEqualTo("/imports/draft");
		// A generated number may meet a demo household's: then it is an update or an error, still a row of the run.
		long newRows = Long.parseLong(page.select("#count-NEW td").text());
		assertThat(newRows).isGreaterThan(rows * 99L / 100);

		start = System.nanoTime();
		var location = mvc.perform(post("/imports/draft/commit").param("draft", page.select("#commit-form input[name=draft]").val())
			.with(staff)
			.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/imports/".length()));
		var latencies = new ArrayList<Double>();
		String state;
		do {
			long asked = System.nanoTime();
			mvc.perform(get("/households").with(other)).andReturn();
			latencies.add((System.nanoTime() - asked) / 1e6);
			state = jdbc.queryForObject("select state from import_batch where id = ?", String.class, id);
		}
		while ("RUNNING".equals(state));
		double commitSeconds = (System.nanoTime() - start) / 1e9;
		sampling.set(false);
		sampler.join();
		assertThat(state).isEqualTo("DONE");
		assertThat(jdbc.queryForObject("select count(*) from household where import_batch_id = ?", Long.class, id))
			.isGreaterThanOrEqualTo(newRows);

		var sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		var report = String.format("""
				household import, %,d rows (CSV, new households)
				dry run (upload → preview page)   %8.1f s   budget 15 s (10,000 rows)
				commit (confirm → batch done)     %8.1f s   budget 10 s (10,000 rows)
				heap peak (sampled, used)         %8d MB  budget 512 MB (100,000 rows)
				/households of ld_staff during the commit: %d requests, p50 %.0f ms, p95 %.0f ms, max %.0f ms
				""", rows, dryRunSeconds, commitSeconds, peak.get() / (1024 * 1024), sorted.length,
				Measurements.percentile(sorted, 50), Measurements.percentile(sorted, 95), sorted[sorted.length - 1]);
		Measurements.write("bench-import.txt", report);
	}

}
