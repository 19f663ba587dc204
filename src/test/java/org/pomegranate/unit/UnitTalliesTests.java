package org.pomegranate.unit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.TestRegions;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.UnitFigures.Reading;
import org.pomegranate.unit.UnitFigures.UnitCounts;
import org.pomegranate.unit.naming.ExpirySweep;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.Naming;
import org.pomegranate.unit.naming.NamingForms.ApplicationForm;
import org.pomegranate.unit.naming.NamingForms.NameForm;
import org.pomegranate.unit.naming.NamingForms.RevokeForm;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingService;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.network.CampaignUnit;
import org.pomegranate.unit.network.LeaveForm;
import org.pomegranate.unit.network.MemberForm;
import org.pomegranate.unit.network.MemberRole;
import org.pomegranate.unit.network.MergeForm;
import org.pomegranate.unit.network.UnitDuties;
import org.pomegranate.unit.network.UnitForm;
import org.pomegranate.unit.network.UnitKind;
import org.pomegranate.unit.network.UnitMembers;
import org.pomegranate.unit.network.UnitMembership;
import org.pomegranate.unit.network.UnitRegistration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The unit tallies ({@code unit_tally}, {@code yuziyuan_cadre} and {@code yuziyuan_tally},
 * {@code naming_tally}) against the rows: after every kind of change a user makes to units, members
 * and titles, the figures read from the tallies equal those counted from the rows, for the
 * province, the prefecture (阿坝州, with its counties below) and two counties, and the tables equal
 * the same counts taken from the rows. The network is made in two townships of 阿坝州 of this test's
 * own, through the services, as a province admin.
 */
@IntegrationTest
class UnitTalliesTests {

	static final String ADMIN = "ut_admin_51";

	static final String COUNTY_A = "513201";

	static final String COUNTY_B = "513228";

	static final LocalDate T = ChinaTime.today(Clock.systemUTC());

	private static final byte[] PNG = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 32);

	@Autowired
	UnitFigures figures;

	@Autowired
	UnitRegistration registration;

	@Autowired
	UnitMembers members;

	@Autowired
	UnitDuties duties;

	@Autowired
	NamingService namings;

	@Autowired
	ExpirySweep sweep;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void signIn() {
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '计数测试省管理员', '{noop}-', 'ADMIN', '51') on conflict do nothing""", ADMIN);
		var user = users.loadUserByUsername(ADMIN);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void talliesFollowEveryChangeOfUnitsMembersAndTitles() {
		var townshipA = TestRegions.township(jdbc, COUNTY_A, "计数测试乡");
		var villageA = village(townshipA);
		var townshipB = TestRegions.township(jdbc, COUNTY_B, "计数测试乡");
		assertTalliesGiveTheRowsFigures();

		// Registered: a centre, a studio and a team in county A; a centre and a school in county B.
		var centreA = create("计数中心甲", UnitKind.WORK_CENTRE, townshipA, null);
		var studio = create("计数工作室", UnitKind.WORK_STUDIO, villageA, centreA.getId());
		var team = create("计数工作队", UnitKind.WORK_TEAM, villageA, studio.getId());
		var centreB = create("计数中心乙", UnitKind.WORK_CENTRE, townshipB, null);
		var school = create("计数学校", UnitKind.SCHOOL, townshipB, null);
		var a = cadre("计数育籽员甲", townshipA);
		var b = cadre("计数育籽员乙", townshipA);
		var c = cadre("计数负责人丙", townshipB);
		var d = cadre("计数育籽员丁", townshipB);
		// a's home is centre B (joined first), though a also serves in the studio of county A; b's is the team.
		join(studio, a, MemberRole.YUZIYUAN, T.minusDays(300));
		var aInB = join(centreB, a, MemberRole.YUZIYUAN, T.minusDays(400));
		join(team, b, MemberRole.YUZIYUAN, T.minusDays(200));
		join(centreB, b, MemberRole.YUZIYUAN, T.minusDays(50));
		join(studio, c, MemberRole.HEAD, T.minusDays(300));
		join(centreB, c, MemberRole.YUZIYUAN, T.minusDays(100));
		join(school, d, MemberRole.YUZIYUAN, T.minusDays(50));
		assertTalliesGiveTheRowsFigures();
		assertThat(figures.of(townshipB, T).yuziyuan()).isEqualTo(3);
		assertThat(figures.of(townshipA, T).yuziyuan()).isEqualTo(1);

		// Edited: the school becomes a hospital and moves to county A, its member with it; a studio's rules on the wall.
		edit(school, UnitKind.HOSPITAL, townshipA);
		duties.addWallPhotos(studio.getId(), UUID.randomUUID(),
				List.of(new Upload("墙.png", PNG.length, new ByteArrayResource(PNG))));
		assertTalliesGiveTheRowsFigures();
		assertThat(figures.of(townshipA, T).yuziyuan()).isEqualTo(2);
		assertThat(figures.of(townshipA, T).wallPosted()).isEqualTo(1);

		// a leaves centre B: home is now the studio, in county A. Then the team is merged: b's home moves to centre B.
		leave(aInB);
		assertTalliesGiveTheRowsFigures();
		assertThat(figures.of(townshipA, T).yuziyuan()).isEqualTo(3);
		registration.merge(team.getId(), registration.get(team.getId()).getVersion(),
				new MergeForm(T.toString(), "并入工作室", registration.get(team.getId()).getVersion()));
		assertTalliesGiveTheRowsFigures();
		assertThat(figures.of(townshipA, T).yuziyuan()).isEqualTo(2);
		assertThat(figures.of(townshipB, T).yuziyuan()).isEqualTo(2);
		assertThat(figures.of(townshipA, T).teams()).isZero();

		// Titles: named, one revoked, one named long ago and past its last day (live until the sweep), then swept.
		var centreTitle = name("U:" + centreA.getId(), NamingLevel.COUNTY, T.minusDays(30));
		name("U:" + studio.getId(), NamingLevel.PREFECTURE, T.minusDays(10));
		name("R:" + townshipB, NamingLevel.COUNTY, T.minusDays(20));
		var household = household(villageA);
		var old = name("H:" + household, NamingLevel.COUNTY, T.minusYears(5).minusDays(10));
		namings.file(application("U:" + centreB.getId(), NamingLevel.PREFECTURE, T));
		assertTalliesGiveTheRowsFigures();
		assertThat(namings.get(old.getId()).getState()).isEqualTo(NamingState.VALID);
		assertThat(figures.of(townshipA, T).liveTitles(HolderKind.HOUSEHOLD)).isZero();
		assertThat(figures.titlesByState(townshipA)).containsEntry(NamingState.EXPIRED, 1L);

		var revoked = namings.get(centreTitle.getId());
		namings.revoke(revoked.getId(), new RevokeForm("复查不合格", "计数撤〔1〕1号", T.toString(), revoked.getVersion()));
		sweep.sweep(T);
		assertThat(namings.get(old.getId()).getState()).isEqualTo(NamingState.EXPIRED);
		assertTalliesGiveTheRowsFigures();
		var held = figures.of(townshipA, T);
		assertThat(held.liveTitles(NamingLevel.PREFECTURE)).isEqualTo(1);
		assertThat(held.liveTitles(NamingLevel.COUNTY)).isZero();

		// Bulk SQL, as an import or a repair would write: the statement triggers see it too.
		jdbc.update("""
				insert into campaign_unit (name, kind, region_code, wall_posted_on, created_by)
				select '计数批量' || g, 'WORK_CENTRE', ?, case when g % 2 = 0 then current_date end, 'test'
				from generate_series(1, 5) g""", townshipB);
		jdbc.update("""
				insert into unit_membership (unit_id, cadre_id, role, region_code, joined_on, created_by)
				select u.id, ?, 'YUZIYUAN', u.region_code, current_date - 1000 + u.id::int % 7, 'test'
				from campaign_unit u where u.name like '计数批量%' and u.region_code = ?""", b, townshipB);
		jdbc.update("update unit_membership set left_on = current_date where cadre_id = ? and role = 'YUZIYUAN' "
				+ "and unit_id = (select min(id) from campaign_unit where name like '计数批量%' and region_code = ?)", b,
				townshipB);
		assertTalliesGiveTheRowsFigures();

		// Should a tally drift, one call counts them all again from the rows.
		jdbc.update("update unit_tally set units = units + 3");
		jdbc.update("update naming_tally set titles = titles - 1");
		jdbc.update("delete from yuziyuan_cadre where cadre_id = ?", b);
		jdbc.queryForList("select recount_tallies()");
		assertTalliesGiveTheRowsFigures();
	}

	/** The figures both ways, at every level the tallies answer for, and each table against its rows. */
	private void assertTalliesGiveTheRowsFigures() {
		for (var region : List.of("51", "5132", COUNTY_A, COUNTY_B)) {
			assertThat(figures.of(region, T, Reading.TALLIES)).as(region).isEqualTo(figures.of(region, T, Reading.ROWS));
			assertThat(figures.byKind(region, T, Reading.TALLIES)).as(region)
				.isEqualTo(figures.byKind(region, T, Reading.ROWS));
			assertThat(figures.titlesByState(region, Reading.TALLIES)).as(region)
				.isEqualTo(figures.titlesByState(region, Reading.ROWS));
		}
		for (var region : List.of("51", "5132")) {
			var tallied = figures.byChildRegion(region, T, Reading.TALLIES);
			assertThat(tallied).as(region).isEqualTo(figures.byChildRegion(region, T, Reading.ROWS));
			// Each 育籽员 once: the regions below add up to the region (which nobody sits in itself).
			assertThat(tallied.values().stream().mapToLong(UnitCounts::yuziyuan).sum()).as(region)
				.isEqualTo(figures.of(region, T).yuziyuan());
		}
		// From the rows, a province (in one pass over its memberships) and a prefecture (over its own; today from
		// the homes the triggers keep): the same figures, today and on a past day.
		for (var day : List.of(T, T.minusDays(100))) {
			assertThat(figures.byChildRegion("51", day, Reading.ROWS).get("5132")).as(day.toString())
				.isEqualTo(figures.of("5132", day, Reading.ROWS));
		}
		// A past day's 育籽员 of each county, against their homes on that day counted here from the rows.
		var past = Date.valueOf(T.minusDays(100));
		for (var county : List.of(COUNTY_A, COUNTY_B)) {
			assertThat(figures.of(county, past.toLocalDate(), Reading.ROWS).yuziyuan()).as(county + " " + past)
				.isEqualTo(jdbc.queryForObject("""
						select count(*) from (
						    select distinct on (m.cadre_id) m.region_code
						    from unit_membership m join campaign_unit u on u.id = m.unit_id
						    where m.role = 'YUZIYUAN' and m.joined_on <= ? and (m.left_on is null or m.left_on > ?)
						      and coalesce(u.founded_on, (u.created_at at time zone 'Asia/Shanghai')::date) <= ?
						      and (u.state = 'ACTIVE' or u.merged_on > ?)
						    order by m.cadre_id, m.joined_on, m.id) homes
						where region_code like ?""", Long.class, past, past, past, past, county + "%"));
		}
		var checks = List.of(List.of("""
				select county_code, kind, state, wall_posted, units from unit_tally where units <> 0""", """
				select left(region_code, 6), kind, state, wall_posted_on is not null, count(*) from campaign_unit
				group by 1, 2, 3, 4"""), List.of("""
				select cadre_id, membership_id, region_code from yuziyuan_cadre""", """
				select distinct on (m.cadre_id) m.cadre_id, m.id, m.region_code
				from unit_membership m join campaign_unit u on u.id = m.unit_id
				where m.role = 'YUZIYUAN' and m.left_on is null and u.state = 'ACTIVE'
				order by m.cadre_id, m.joined_on, m.id"""), List.of("""
				select county_code, yuziyuan from yuziyuan_tally where yuziyuan <> 0""", """
				select left(region_code, 6), count(*)
				from (select distinct on (m.cadre_id) m.region_code
				      from unit_membership m join campaign_unit u on u.id = m.unit_id
				      where m.role = 'YUZIYUAN' and m.left_on is null and u.state = 'ACTIVE'
				      order by m.cadre_id, m.joined_on, m.id) homes
				group by 1"""), List.of("""
				select county_code, level, holder_kind, state, titles from naming_tally where titles <> 0""", """
				select left(holder_region_code, 6), level, holder_kind, state, count(*) from naming group by 1, 2, 3, 4"""));
		for (var check : checks) {
			assertThat(rows(check.get(0))).as(check.get(0)).containsExactlyInAnyOrderElementsOf(rows(check.get(1)));
		}
	}

	private List<String> rows(String sql) {
		return jdbc.queryForList(sql).stream().map(row -> row.values().toString()).toList();
	}

	private CampaignUnit create(String name, UnitKind kind, String region, @Nullable Long parent) {
		return registration.create(new UnitForm(name, kind, region, parent, "", "测试路 1 号", "测试负责人", "",
				T.minusYears(2).toString(), 0L, SubmissionTokens.fresh()));
	}

	private void edit(CampaignUnit unit, UnitKind kind, String region) {
		var current = registration.get(unit.getId());
		registration.update(unit.getId(), current.getVersion(), new UnitForm(current.getName(), kind, region, null, "",
				"测试路 2 号", "测试负责人", "", T.minusYears(2).toString(), current.getVersion(), SubmissionTokens.fresh()));
	}

	private UnitMembership join(CampaignUnit unit, long cadre, MemberRole role, LocalDate on) {
		return members.add(unit.getId(), new MemberForm(cadre, role, on.toString(), SubmissionTokens.fresh()));
	}

	private void leave(UnitMembership membership) {
		var current = members.of(membership.getUnitId()).stream()
			.filter(m -> m.getId().equals(membership.getId()))
			.findFirst()
			.orElseThrow();
		members.leave(membership.getUnitId(), new LeaveForm(current.getId(), T.toString(), "调离", current.getVersion()));
	}

	private Naming name(String holder, NamingLevel level, LocalDate on) {
		var filed = namings.file(application(holder, level, on.minusDays(30)));
		return namings.name(filed.getId(), new NameForm("计数〔" + on.getYear() + "〕" + filed.getId() + "号", on.toString(),
				filed.getVersion()));
	}

	/** A title no other test names: letters only, so that a search for it is never taken for a personal number. */
	private static ApplicationForm application(String holder, NamingLevel level, LocalDate appliedOn) {
		var title = new StringBuilder("民族团结进步示范计数");
		UUID.randomUUID().toString().substring(0, 8).chars().forEach(c -> title.append((char) ('A' + Character.digit(c, 16))));
		return new ApplicationForm(UUID.randomUUID(), holder, title.toString(), level, "申报材料", null,
				appliedOn.toString());
	}

	private String village(String township) {
		var code = township + "001";
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '计数测试村', 'VILLAGE', ?)", code,
				township);
		return code;
	}

	private long cadre(String name, String region) {
		return jdbc.queryForObject("""
				insert into cadre (name, gender, ethnicity, level, region_code) values (?, 'FEMALE', '04', 'YUZIYUAN', ?)
				returning id""", Long.class, name, region);
	}

	private long household(String village) {
		return jdbc.queryForObject("""
				insert into household (head_name, id_number, ethnicity, region_code, member_count, categories)
				values ('计数户', ?, '04', ?, 3, 0) returning id""", Long.class,
				"5132" + String.format("%013d", Math.abs(System.nanoTime()) % 10_000_000_000_000L) + "X", village);
	}

}
