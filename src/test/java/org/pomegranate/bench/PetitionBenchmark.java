package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
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
 * Province scale for the petition ledger ({@link ProvinceData#petitions}: 1,000,000 petitions over
 * three years on top of the pairing data): filtered ledger pages and the figures page at province,
 * prefecture and county level. Not part of {@code ./mvnw verify}: run {@code bench/petition.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class PetitionBenchmark {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void ledgerAndFiguresAtProvinceScale() throws Exception {
		ProvinceData.petitions(jdbc);
		var today = LocalDate.now(ChinaTime.ZONE);
		var month = today.minusMonths(1).toString().substring(0, 7);
		long category = jdbc.queryForObject("select min(id) from petition_category", Long.class);
		var year = "from=" + today.withDayOfYear(1) + "&to=" + today;
		var requests = new LinkedHashMap<String, String>();
		requests.put("figures, province 51, this year", "/petitions/figures?region=51&" + year);
		requests.put("figures, prefecture 5133, this year", "/petitions/figures?region=5133&" + year);
		requests.put("figures, county 513301, this year", "/petitions/figures?region=513301&" + year);
		requests.put("figures, province 51, last month", "/petitions/figures?region=51&from=" + today.minusMonths(1).withDayOfMonth(1)
				+ "&to=" + today.withDayOfMonth(1).minusDays(1));
		requests.put("ledger, province, newest", "/petitions");
		requests.put("ledger, prefecture 5133, in progress", "/petitions?regionCode=5133&state=IN_PROGRESS");
		requests.put("ledger, county 513301, overdue", "/petitions?regionCode=513301&overdue=true");
		requests.put("ledger, province, category + month", "/petitions?categoryId=" + category + "&month=" + month);
		requests.put("ledger, prefecture 5133, backlog", "/petitions?regionCode=5133&backlog=true");
		Measurements.measure(mvc, user(users.loadUserByUsername("bench_admin")), requests, "bench-petition.txt",
				ProvinceData.counts(jdbc));
	}

}
