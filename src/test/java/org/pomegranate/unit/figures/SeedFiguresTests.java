package org.pomegranate.unit.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.dashboard.Statistics;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.unit.UnitFigures;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.network.UnitKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Seed 000 and 001 as a data set: the demo database's 甘孜州 network and titles, read through the
 * figure source the dashboards and the monthly report use. No other test writes units or titles
 * in 甘孜州 (5133), so these numbers are exact.
 */
@IntegrationTest
@WithUserDetails("gz_admin")
class SeedFiguresTests {

	static final String GANZI = "5133";

	@Autowired
	Statistics statistics;

	@Autowired
	UnitFigures units;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theNetworkOfSeed000ComesOutOfTheData() {
		var today = ChinaTime.today(java.time.Clock.systemUTC());
		var figures = unitFigures(new FigureQuery(GANZI, Period.month(java.time.YearMonth.from(today)), null, false, today));

		assertThat(figures.get("figure.units.centres").value()).isEqualTo(300.0);
		assertThat(figures.get("figure.units.studios").value()).isEqualTo(2_242.0);
		assertThat(figures.get("figure.units.teams").value()).isEqualTo(2_737.0);
		assertThat(figures.get("figure.units.yuziyuan").value()).isEqualTo(6_087.0);
		assertThat(figures.get("figure.units.centres").asOf()).isEqualTo(today);
		// 规程上墙 for most centres and studios: 85–92 % of 2,542 in the loader's draw.
		assertThat(figures.get("figure.units.wallPosted").value()).isBetween(80.0, 95.0);
		var counts = units.of(GANZI, today);
		assertThat(counts.networkUnits()).isEqualTo(2_542);
		assertThat(counts.units()).isEqualTo(300 + 2_242 + 2_737);
		assertThat(units.byKind(GANZI, today)).containsExactly(Map.entry(UnitKind.WORK_CENTRE, 300L),
				Map.entry(UnitKind.WORK_STUDIO, 2_242L), Map.entry(UnitKind.WORK_TEAM, 2_737L));
		// Spread over all 18 counties, each with its centres, studios and 育籽员.
		var byCounty = units.byChildRegion(GANZI, today);
		assertThat(byCounty).hasSize(18);
		assertThat(byCounty.values()).allSatisfy(county -> {
			assertThat(county.centres()).isGreaterThan(1);
			assertThat(county.studios()).isGreaterThan(10);
			assertThat(county.yuziyuan()).isGreaterThan(county.studios());
		});
		assertThat(byCounty.values().stream().mapToLong(UnitFigures.UnitCounts::yuziyuan).sum()).isEqualTo(6_087);
		assertThat(byCounty.values().stream().mapToLong(UnitFigures.UnitCounts::centres).sum()).isEqualTo(300);
		// Every studio sits in a real village of the region table under a centre whose region covers it.
		assertThat(jdbc.queryForObject("""
				select count(*) from campaign_unit s join campaign_unit c on c.id = s.parent_id
				join region r on r.code = s.region_code
				where s.kind = 'WORK_STUDIO' and s.region_code like '5133%' and c.kind = 'WORK_CENTRE'
				  and r.level = 'VILLAGE' and s.region_code like c.region_code || '%'""", Long.class)).isEqualTo(2_242);
	}

	@Test
	void thisYearsTitlesAndTheDemosStates() {
		var today = ChinaTime.today(java.time.Clock.systemUTC());
		var year = Period.year(today.getYear());
		var figures = unitFigures(new FigureQuery(GANZI, year, null, false, today));

		// 100 优秀石榴籽工作室 + 500 示范家庭 + the 10 先进典型 of the progress meeting.
		assertThat(figures.get("figure.units.named").value()).isEqualTo(610.0);
		assertThat(jdbc.queryForObject("""
				select count(*) from naming n join naming_batch b on b.id = n.batch_id
				where b.issuer_region_code = '5133' and b.year = ? and n.title = '优秀石榴籽工作室' and n.holder_kind = 'UNIT'""",
				Long.class, today.getYear())).isEqualTo(100);
		assertThat(jdbc.queryForObject("""
				select count(*) from naming where holder_region_code like '5133%' and title = '民族团结进步示范家庭'
				  and holder_kind = 'HOUSEHOLD' and extract(year from named_on) = ?""", Long.class, today.getYear()))
			.isEqualTo(500);
		var models = new HashMap<String, Long>();
		jdbc.query("select holder_kind, count(*) from naming where title = '民族团结进步先进典型' group by 1",
				row -> { models.put(row.getString(1), row.getLong(2)); });
		assertThat(models).containsOnly(Map.entry("UNIT", 6L), Map.entry("HOUSEHOLD", 4L));

		// Held today: the 610, 20 older ones about to end, two of three years ago (one under 限期整改), and the
		// province's 示范州 and the nation's.
		var counts = units.of(GANZI, today);
		assertThat(counts.liveTitles(NamingLevel.PREFECTURE)).isEqualTo(610 + 20 + 2);
		assertThat(counts.liveTitles(NamingLevel.PROVINCE)).isEqualTo(1);
		assertThat(counts.liveTitles(NamingLevel.NATIONAL)).isEqualTo(1);
		assertThat(counts.liveTitles(HolderKind.REGION)).isEqualTo(2);
		assertThat(counts.liveTitles(HolderKind.HOUSEHOLD)).isEqualTo(504);
		assertThat(figures.get("figure.units.liveTitles").value()).isEqualTo(634.0);

		// The authorization matrix tries the title routes on a long-expired sample title of its own per county.
		var samples = jdbc.queryForObject(
				"select count(*) from naming where holder_region_code like '5133%' and created_by = 'authorization-test'",
				Long.class);
		var byState = units.titlesByState(GANZI);
		assertThat(byState).containsEntry(NamingState.VALID, 633L)
			.containsEntry(NamingState.RECTIFYING, 1L)
			.containsEntry(NamingState.REVOKED, 1L);
		assertThat(byState.getOrDefault(NamingState.EXPIRED, 0L)).isEqualTo(samples);
		assertThat(byState.keySet()).isSubsetOf(NamingState.VALID, NamingState.RECTIFYING, NamingState.REVOKED,
				NamingState.EXPIRED);
		assertThat(jdbc.queryForObject("""
				select count(*) from naming where holder_region_code like '5133%' and state = 'VALID'
				  and valid_until between ? and ?""", Long.class, today, today.plusDays(90))).isEqualTo(20);
		assertThat(jdbc.queryForMap("""
				select rectify_by > current_date as ahead, (select count(*) from naming_event e where e.naming_id = n.id) as steps
				from naming n where state = 'RECTIFYING' and holder_region_code like '5133%'"""))
			.containsEntry("ahead", true).containsEntry("steps", 4L);
		assertThat(jdbc.queryForMap("""
				select revocation_number, revocation_reason is not null as reason,
				       (select string_agg(e.to_state, ',' order by e.id) from naming_event e where e.naming_id = n.id) as steps
				from naming n where state = 'REVOKED' and holder_region_code like '5133%'"""))
			.containsEntry("reason", true)
			.containsEntry("steps", "APPLIED,VALID,UNDER_RECHECK,RECTIFYING,REVOKED")
			.hasEntrySatisfying("revocation_number", number -> assertThat((String) number).matches("甘民宗发〔\\d{4}〕31号"));
		// 甘孜州, 阿坝州 and 凉山州: 省级 and 国家级 示范州.
		assertThat(jdbc.queryForList("""
				select holder_region_code || ' ' || level from naming where holder_kind = 'REGION' and created_by = 'demo'
				order by 1""", String.class))
			.containsExactly("5132 NATIONAL", "5132 PROVINCE", "5133 NATIONAL", "5133 PROVINCE", "5134 NATIONAL",
					"5134 PROVINCE");
	}

	private Map<String, KeyFigure> unitFigures(FigureQuery query) {
		var figures = new HashMap<String, KeyFigure>();
		statistics.figures(query)
			.stream()
			.filter(figure -> figure.key().startsWith("figure.units."))
			.forEach(figure -> figures.put(figure.key(), figure));
		return figures;
	}

}
