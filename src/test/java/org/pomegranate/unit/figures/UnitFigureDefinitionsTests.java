package org.pomegranate.unit.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
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
import org.pomegranate.unit.naming.VerificationCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.TestExecutionEvent;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Each figure definition of {@link UnitFigures} against a small network counted by hand, in a
 * township of 马尔康市 (阿坝州) that the test creates; T is today, P = T − 100 a past day.
 *
 * <pre>
 * units        founded  上墙    merged | T: stands  P: stands
 * C  centre    T-400    T-300          |    yes        yes (上墙)
 * S1 studio V1 T-350    —              |    yes        yes
 * S2 studio V2 T-350    T-200   T-50   |    no         yes (上墙)
 * S3 studio V2 T-30     T-10           |    yes (上墙)  no
 * TM team V1   T-300                   |    yes        yes
 * X  school V1 (recorded today)        |    yes        no
 * 育籽员: A in S1 (T-300) and TM (T-250); B in TM T-300 … T-20; K in S2 (merged); E in S3 from T-20; D is S1's head
 *         → T: A, E = 2     P: A, B, K = 3
 * titles: t1 S1 州级 named T-400; t2 TM 州级 named T-6y (past its end); t3 C 县级 revoked T-60;
 *         t4 household 县级 named T-5y+200, renewed by t5 named T-150; t6 township 县级 限期整改;
 *         t7 省级 applied; t8 S3 州级 named T-10
 *         → T: t1 t5 t6 t8     P: t1 t3 t5 t6
 * households: 4 in V1
 * </pre>
 */
@IntegrationTest
@WithUserDetails(value = FixtureUser.NAME, setupBefore = TestExecutionEvent.TEST_EXECUTION)
class UnitFigureDefinitionsTests {

	static final String TOWNSHIP = "513201990";

	static final String V1 = TOWNSHIP + "001";

	static final String V2 = TOWNSHIP + "002";

	static final LocalDate T = ChinaTime.today(Clock.systemUTC());

	static final LocalDate P = T.minusDays(100);

	@Autowired
	UnitFigures figures;

	@Autowired
	Statistics statistics;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void handCountedNetwork() {
		FixtureUser.create(jdbc);
		region(TOWNSHIP, "定义测试乡", "TOWNSHIP", "513201");
		region(V1, "定义甲村", "VILLAGE", TOWNSHIP);
		region(V2, "定义乙村", "VILLAGE", TOWNSHIP);
		if (jdbc.queryForObject("select count(*) from campaign_unit where region_code like ?", Long.class,
				TOWNSHIP + "%") > 0) {
			return;
		}
		long c = unit("WORK_CENTRE", TOWNSHIP, null, T.minusDays(400), T.minusDays(300), null);
		long s1 = unit("WORK_STUDIO", V1, c, T.minusDays(350), null, null);
		long s2 = unit("WORK_STUDIO", V2, c, T.minusDays(350), T.minusDays(200), T.minusDays(50));
		long s3 = unit("WORK_STUDIO", V2, c, T.minusDays(30), T.minusDays(10), null);
		long tm = unit("WORK_TEAM", V1, s1, T.minusDays(300), null, null);
		unit("SCHOOL", V1, null, null, null, null);
		long a = cadre("甲育籽员");
		long b = cadre("乙育籽员");
		long k = cadre("丙育籽员");
		long d = cadre("丁负责人");
		long e = cadre("戊育籽员");
		member(s1, a, "YUZIYUAN", V1, T.minusDays(300), null);
		member(tm, a, "YUZIYUAN", V1, T.minusDays(250), null);
		member(tm, b, "YUZIYUAN", V1, T.minusDays(300), T.minusDays(20));
		member(s2, k, "YUZIYUAN", V2, T.minusDays(300), null);
		member(s1, d, "HEAD", V1, T.minusDays(300), null);
		member(s3, e, "YUZIYUAN", V2, T.minusDays(20), null);
		long[] homes = new long[4];
		for (int i = 0; i < homes.length; i++) {
			homes[i] = jdbc.queryForObject("""
					insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
					values (?, ?, '04', ?, 3, 0) returning id""", Long.class, "定义户" + i, "51320119800101990" + i, V1);
		}
		title("UNIT", V1, s1, null, "PREFECTURE", "VALID", T.minusDays(400), null);
		title("UNIT", V1, tm, null, "PREFECTURE", "VALID", T.minusYears(6), null);
		title("UNIT", TOWNSHIP, c, null, "COUNTY", "REVOKED", T.minusDays(500), null);
		long t4 = title("HOUSEHOLD", V1, null, homes[0], "COUNTY", "RENEWED", T.minusYears(5).plusDays(200), null);
		title("HOUSEHOLD", V1, null, homes[0], "COUNTY", "VALID", T.minusDays(150), t4);
		title("REGION", TOWNSHIP, null, null, "COUNTY", "RECTIFYING", T.minusDays(200), null);
		jdbc.update("""
				insert into naming (holder_kind, holder_region_code, unit_id, holder_name, title, level, issuer_region_code,
				                    state, applied_on, created_by)
				values ('UNIT', ?, ?, '申报单位', '四川省民族团结进步示范单位', 'PROVINCE', '51', 'APPLIED', ?, 'test')""", V2, s3,
				Date.valueOf(T.minusDays(5)));
		title("UNIT", V2, s3, null, "PREFECTURE", "VALID", T.minusDays(10), null);
	}

	@Test
	void networkFiguresTodayAndOnAPastDay() {
		var today = figures.of(TOWNSHIP, T);
		assertThat(today.centres()).isEqualTo(1);
		assertThat(today.studios()).isEqualTo(2);
		assertThat(today.teams()).isEqualTo(1);
		assertThat(today.networkUnits()).isEqualTo(3);
		assertThat(today.wallPosted()).isEqualTo(2);
		assertThat(today.units()).isEqualTo(5);
		assertThat(today.yuziyuan()).isEqualTo(2);
		assertThat(today.households()).isEqualTo(4);
		assertThat(today.unitsPerTenThousandHouseholds()).isEqualTo(12_500.0);

		var past = figures.of(TOWNSHIP, P);
		assertThat(past.centres()).isEqualTo(1);
		assertThat(past.studios()).isEqualTo(2);
		assertThat(past.teams()).isEqualTo(1);
		assertThat(past.wallPosted()).isEqualTo(2);
		assertThat(past.units()).isEqualTo(4);
		assertThat(past.yuziyuan()).isEqualTo(3);

		var villages = figures.byChildRegion(TOWNSHIP, T);
		assertThat(villages.keySet()).containsExactly(V1, V2);
		assertThat(villages.get(V1).units()).isEqualTo(3);
		assertThat(villages.get(V1).yuziyuan()).isEqualTo(1);
		assertThat(villages.get(V1).unitsPerTenThousandHouseholds()).isEqualTo(7_500.0);
		assertThat(villages.get(V2).studios()).isEqualTo(1);
		assertThat(villages.get(V2).yuziyuan()).isEqualTo(1);
		assertThat(villages.get(V2).unitsPerTenThousandHouseholds()).isNull();
		assertThat(figures.byChildRegion(TOWNSHIP, P).get(V2).yuziyuan()).isEqualTo(1);
	}

	@Test
	void titlesHeldByLevelAndHolderStatesAndNamed() {
		var today = figures.of(TOWNSHIP, T);
		assertThat(today.liveTitleCount()).isEqualTo(4);
		assertThat(today.liveTitles(NamingLevel.PREFECTURE)).isEqualTo(2);
		assertThat(today.liveTitles(NamingLevel.COUNTY)).isEqualTo(2);
		assertThat(today.liveTitles(NamingLevel.PROVINCE)).isZero();
		assertThat(today.liveTitles(HolderKind.UNIT)).isEqualTo(2);
		assertThat(today.liveTitles(HolderKind.HOUSEHOLD)).isEqualTo(1);
		assertThat(today.liveTitles(HolderKind.REGION)).isEqualTo(1);

		var past = figures.of(TOWNSHIP, P);
		assertThat(past.liveTitleCount()).isEqualTo(4);
		assertThat(past.liveTitles(NamingLevel.PREFECTURE)).isEqualTo(1);
		assertThat(past.liveTitles(NamingLevel.COUNTY)).isEqualTo(3);

		assertThat(figures.titlesByState(TOWNSHIP)).containsOnly(Map.entry(NamingState.VALID, 3L),
				Map.entry(NamingState.EXPIRED, 1L), Map.entry(NamingState.REVOKED, 1L), Map.entry(NamingState.RENEWED, 1L),
				Map.entry(NamingState.RECTIFYING, 1L), Map.entry(NamingState.APPLIED, 1L));
		assertThat(figures.named(TOWNSHIP, T.minusDays(450), T)).isEqualTo(4);
		assertThat(figures.namedByChildRegion(TOWNSHIP, T.minusDays(450), T)).containsOnly(Map.entry(V1, 2L),
				Map.entry(V2, 1L));
	}

	@Test
	void theDashboardShowsThemStandingOnThePeriodsLastDay() {
		var current = unitFigures(new FigureQuery(TOWNSHIP, Period.range(T.minusDays(450), T), null, false, T));
		assertThat(current.get("figure.units.wallPosted").text()).isEqualTo("66.7%");
		assertThat(current.get("figure.units.yuziyuan").text()).isEqualTo("2");
		assertThat(current.get("figure.units.perTenThousandHouseholds").text()).isEqualTo("12500");
		assertThat(current.get("figure.units.liveTitles").text()).isEqualTo("4");
		assertThat(current.get("figure.units.named").text()).isEqualTo("4");
		assertThat(current.get("figure.units.centres").asOf()).isEqualTo(T);
		assertThat(current.get("figure.units.named").standing()).isFalse();

		var past = unitFigures(new FigureQuery(TOWNSHIP, Period.range(P.minusDays(30), P), null, false, T));
		assertThat(past.get("figure.units.yuziyuan").text()).isEqualTo("3");
		assertThat(past.get("figure.units.studios").asOf()).isEqualTo(P);
		// A comparison period repeats no standing figure.
		var comparison = unitFigures(new FigureQuery(TOWNSHIP, Period.range(P.minusDays(30), P), null, true, T));
		assertThat(comparison.keySet()).containsExactly("figure.units.named");

		var ranking = statistics.ranking(new FigureQuery(TOWNSHIP, Period.range(T.minusDays(450), T), null, false, T));
		var v1 = ranking.rows().stream().filter(row -> row.regionCode().equals(V1)).findFirst().orElseThrow();
		assertThat(v1.figures().get("figure.units.studios").text()).isEqualTo("1");
		assertThat(v1.figures().get("figure.units.wallPosted").text()).isEqualTo("0.0%");
		assertThat(v1.figures().get("figure.units.named").text()).isEqualTo("2");
	}

	private Map<String, KeyFigure> unitFigures(FigureQuery query) {
		var result = new HashMap<String, KeyFigure>();
		statistics.figures(query)
			.stream()
			.filter(figure -> figure.key().startsWith("figure.units."))
			.forEach(figure -> result.put(figure.key(), figure));
		return result;
	}

	private void region(String code, String name, String level, String parent) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, ?, ?) on conflict do nothing", code,
				name, level, parent);
	}

	private long unit(String kind, String region, @Nullable Long parent, @Nullable LocalDate founded,
			@Nullable LocalDate wall, @Nullable LocalDate merged) {
		return jdbc.queryForObject("""
				insert into campaign_unit (name, kind, region_code, parent_id, founded_on, wall_posted_on, state, merged_on,
				                           merged_reason, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') returning id""", Long.class, "定义测试" + kind, kind, region, parent,
				date(founded), date(wall), merged == null ? "ACTIVE" : "MERGED", date(merged), merged == null ? null : "撤并");
	}

	private long cadre(String name) {
		return jdbc.queryForObject("""
				insert into cadre (name, gender, ethnicity, level, region_code) values (?, 'FEMALE', '04', 'YUZIYUAN', ?)
				returning id""", Long.class, name, TOWNSHIP);
	}

	private void member(long unit, long cadre, String role, String region, LocalDate joined, @Nullable LocalDate left) {
		jdbc.update("""
				insert into unit_membership (unit_id, cadre_id, role, region_code, joined_on, left_on, created_by)
				values (?, ?, ?, ?, ?, ?, 'test')""", unit, cadre, role, region, date(joined), date(left));
	}

	private long title(String holderKind, String region, @Nullable Long unit, @Nullable Long household, String level,
			String state, LocalDate namedOn, @Nullable Long renews) {
		boolean revoked = state.equals("REVOKED");
		return jdbc.queryForObject("""
				insert into naming (holder_kind, holder_region_code, unit_id, household_id, holder_name, title, level,
				                    issuer_region_code, state, applied_on, named_on, valid_until, verification_code, renews_id,
				                    rectify_by, revoked_on, revocation_number, revocation_reason, created_by)
				values (?, ?, ?, ?, '定义测试', ?, ?, '5132', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test') returning id""", Long.class,
				holderKind, region, unit, household, "定义测试称号" + level, level, state, date(namedOn.minusDays(30)),
				date(namedOn), date(namedOn.plusYears(5).minusDays(1)), VerificationCodes.next(), renews,
				state.equals("RECTIFYING") ? date(T.plusDays(30)) : null, revoked ? date(T.minusDays(60)) : null,
				revoked ? "马民宗发〔2026〕1号" : null, revoked ? "复查不合格" : null);
	}

	private static @Nullable Date date(@Nullable LocalDate day) {
		return day == null ? null : Date.valueOf(day);
	}

}
