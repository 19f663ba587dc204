package org.pomegranate.dashboard;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.Period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.FirstRecord;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.VisitFigures;
import org.pomegranate.petition.PetitionFigures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards: the figures are the petition and pairing modules' own, each role gets its own
 * page, drill-down changes the region, and a region outside the scope answers 404, JSON included.
 */
@IntegrationTest
class DashboardTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Statistics statistics;

	@Autowired
	PetitionFigures petitions;

	@Autowired
	VisitFigures visits;

	@Autowired
	JdbcTemplate jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	/** Periods from 2023 on may be asked for, whichever test ran first. */
	@BeforeEach
	void recordsSince2023() {
		FirstRecord.of2023(jdbc);
	}

	@Test
	@WithUserDetails("gz_supervisor")
	void tilesAndRankingCarryThePetitionAndPairingModulesOwnFigures() {
		var year = Period.year(2024);
		var query = new FigureQuery("5133", year, null, false, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
		var tiles = statistics.tiles(query);
		var petitionFigures = petitions.figures("5133", year.from(), year.to());
		assertThat(value(tiles, "figure.petitions.collected")).isEqualTo(petitionFigures.collected());
		assertThat(value(tiles, "figure.petitions.resolved")).isEqualTo(petitionFigures.resolved());
		// 无法解决 stands beside the other outcomes, so that the tiles add up to what was collected.
		assertThat(value(tiles, "figure.petitions.unresolvable")).isEqualTo(petitionFigures.unresolvable());
		assertThat(value(tiles, "figure.petitions.resolved") + value(tiles, "figure.petitions.unresolvable")
				+ value(tiles, "figure.petitions.open")).isEqualTo(value(tiles, "figure.petitions.collected"));
		assertThat(value(tiles, "figure.visits")).isEqualTo(visits.total("5133", year.from(), year.to()).total());
		var collected = tiles.stream().filter(t -> t.figure().key().equals("figure.petitions.collected")).findFirst().orElseThrow();
		var previous = petitions.figures("5133", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31)).collected();
		assertThat(collected.change()).isEqualTo((double) (petitionFigures.collected() - previous));
		assertThat(collected.yearToDate().value()).isEqualTo((double) petitionFigures.collected());

		var ranking = statistics.ranking(query);
		assertThat(ranking.rows()).extracting(Statistics.RankingRow::regionName).contains("康定市", "泸定县");
		var kangding = ranking.rows().stream().filter(r -> r.regionCode().equals("513301")).findFirst().orElseThrow();
		assertThat(kangding.figures().get("figure.petitions.collected").value())
			.isEqualTo((double) petitions.figures("513301", year.from(), year.to()).collected());
		// At most three of the 18 counties are flagged per directed figure, and never one that ties the best.
		for (var key : ranking.keys()) {
			assertThat(ranking.rows().stream().filter(r -> r.weakest().contains(key)).count()).as(key).isLessThanOrEqualTo(3);
		}
	}

	@Test
	void supervisorsSeeTheDashboardAndDrillDownStaffTheirOwnReviewersNoFigures() throws Exception {
		var supervisor = as("gz_supervisor");
		var home = page("/", supervisor);
		assertThat(home).contains("id=\"tiles\"", "id=\"ranking\"", "康定市", "甘孜藏族自治州");
		var kangding = page("/dashboard?region=513301&period=2024-Q1", supervisor);
		assertThat(kangding).contains("康定市 2024年第一季度 工作概况", "id=\"dashboard-path\"");

		var staff = page("/", as("kd_staff"));
		assertThat(staff).contains("id=\"tiles\"").doesNotContain("id=\"ranking\"");
		var reviewer = page("/", as("gz_reviewer"));
		assertThat(reviewer).doesNotContain("id=\"tiles\"");
		assertThat(mvc.perform(get("/dashboard").with(as("kd_staff"))).andReturn().getResponse().getStatus()).isEqualTo(403);
	}

	@Test
	@WithUserDetails("kd_supervisor")
	void theChartsJsonIsTheSameFiguresAndStaysInScope() throws Exception {
		var collected = petitions.byMonth("513301", LocalDate.of(2023, 3, 1), LocalDate.of(2024, 2, 29));
		var visitMonths = visits.byMonth("513301", LocalDate.of(2023, 3, 1), LocalDate.of(2024, 2, 29));
		var byCategory = petitions.byCategory("513301", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
		var supervisor = as("kd_supervisor");
		JsonNode ranking = json.readTree(mvc.perform(get("/api/stats/regions").param("region", "513301").param("period", "2024")
			.accept("application/json").with(supervisor)).andReturn().getResponse().getContentAsString());
		assertThat(ranking.get("rows").size()).isPositive();
		JsonNode trend = json.readTree(mvc.perform(get("/api/stats/trend").param("period", "2024-02")
			.accept("application/json").with(supervisor)).andReturn().getResponse().getContentAsString());
		assertThat(trend.get("months").size()).isEqualTo(12);
		assertThat(trend.get("months").get(11).asString()).isEqualTo("2024-02");
		var series = new LinkedHashMap<String, JsonNode>();
		trend.get("series").forEach(s -> series.put(s.get("key").asString(), s.get("values")));
		assertThat(series.keySet()).containsExactly("dashboard.trend.collected", "dashboard.trend.closed",
				"dashboard.trend.visits");
		for (int i = 0; i < 12; i++) {
			assertThat(series.get("dashboard.trend.collected").get(i).asLong()).isEqualTo(collected.get(i).figures().collected());
			assertThat(series.get("dashboard.trend.closed").get(i).asLong()).isEqualTo(collected.get(i).figures().closed());
			assertThat(series.get("dashboard.trend.visits").get(i).asLong()).isEqualTo(visitMonths.get(i).counts().total());
		}
		assertThat(trend.get("labels").get("dashboard.trend.collected").asString()).isEqualTo("收集诉求");
		JsonNode categories = json.readTree(mvc.perform(get("/api/stats/categories").param("period", "2024")
			.accept("application/json").with(supervisor)).andReturn().getResponse().getContentAsString());
		assertThat(categories.get("parts").size()).isEqualTo(byCategory.size());
		for (int i = 0; i < byCategory.size(); i++) {
			assertThat(categories.get("parts").get(i).get("name").asString()).isEqualTo(byCategory.get(i).category());
			assertThat(categories.get("parts").get(i).get("value").asLong()).isEqualTo(byCategory.get(i).collected());
		}

		for (var path : new String[] { "/api/stats/tiles", "/api/stats/regions", "/api/stats/trend", "/api/stats/categories",
				"/dashboard" }) {
			var response = mvc.perform(get(path).param("region", "513322").accept("application/json").with(supervisor))
				.andReturn().getResponse();
			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentAsString()).as(path).doesNotContain("泸定");
		}
		var badPeriod = mvc.perform(get("/dashboard").param("period", "2024-13").with(supervisor)).andReturn().getResponse();
		assertThat(badPeriod.getStatus()).isEqualTo(422);
	}

	@Test
	void periodsParseCompareAndName() {
		assertThat(Period.parse("2024-02").label()).isEqualTo("2024年2月");
		assertThat(Period.parse("2024-02").previous()).isEqualTo(Period.month(YearMonth.of(2024, 1)));
		assertThat(Period.parse("2024-01").previous().code()).isEqualTo("2023-12");
		assertThat(Period.parse("2024-Q1").label()).isEqualTo("2024年第一季度");
		assertThat(Period.parse("2024-Q1").previous().code()).isEqualTo("2023-Q4");
		assertThat(Period.parse("2024-Q1").sameLastYear().code()).isEqualTo("2023-Q1");
		assertThat(Period.parse("2024").previous().code()).isEqualTo("2023");
		var range = Period.parse("2024-01-05_2024-01-14");
		assertThat(range.previous().code()).isEqualTo("2023-12-26_2024-01-04");
		assertThat(range.label()).isEqualTo("2024年1月5日至2024年1月14日");
		assertThat(Period.parse("2024-02").yearToDate().from()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(Period.parse("2024-02").trailingYear().from()).isEqualTo(LocalDate.of(2023, 3, 1));
	}

	private static double value(java.util.List<Statistics.Tile> tiles, String key) {
		return tiles.stream().filter(t -> t.figure().key().equals(key)).findFirst().orElseThrow().figure().value();
	}

	private String page(String path, RequestPostProcessor user) throws Exception {
		var response = mvc.perform(get(path).with(user)).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

}
