package org.pomegranate.bench;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.LinkedHashMap;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Province scale for the pairing module ({@link ProvinceData#pairings}): the coverage page at
 * province, prefecture and county level and filtered lists, through the whole web stack. Not part
 * of {@code ./mvnw verify}: run {@code bench/pairing.sh}.
 */
@Tag("benchmark")
@IntegrationTest
@Import(SqlTimer.class)
class PairingBenchmark {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void coverageAndListsAtProvinceScale() throws Exception {
		long[] programs = ProvinceData.pairings(jdbc);
		long all = programs[0];
		long disabled = programs[1];
		var requests = new LinkedHashMap<String, String>();
		requests.put("coverage, province 51", "/coverage?program=" + all + "&region=51");
		requests.put("coverage, prefecture 5133", "/coverage?program=" + all + "&region=5133");
		requests.put("coverage, county 513301", "/coverage?program=" + all + "&region=513301");
		requests.put("coverage, province 51 (残疾人家庭 program)", "/coverage?program=" + disabled + "&region=51");
		requests.put("households, prefecture 5133, unpaired", "/households?programId=" + all + "&regionCode=5133&status=UNPAIRED");
		requests.put("households, county 513301, overdue", "/households?programId=" + all + "&regionCode=513301&status=OVERDUE");
		requests.put("households, province, last-4 search", "/households?text=042X");
		requests.put("households, prefecture 5133, category, page 20", "/households?regionCode=5133&category=DISABLED&page=20");
		requests.put("pairings, county 513301, overdue", "/pairings?programId=" + all + "&regionCode=513301&status=OVERDUE");
		requests.put("visits, prefecture 5133, kind", "/visits?regionCode=5133&kind=FESTIVAL");
		Measurements.measure(mvc, user(users.loadUserByUsername("bench_admin")), requests, "bench-pairing.txt",
				ProvinceData.counts(jdbc));
	}

}
