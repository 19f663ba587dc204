package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
import org.pomegranate.supervision.inspection.InspectionKind;
import org.pomegranate.supervision.inspection.Inspections;
import org.pomegranate.supervision.notice.NoticeForms.NoticeForm;
import org.pomegranate.supervision.notice.NoticeKind;
import org.pomegranate.supervision.notice.Notices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The pickers of the inspection and notice forms, read as a user reads them: what they offer,
 * and that a value they did not offer (another county's region, unit or user, another holder's
 * title, a forged one) is refused with its Chinese message and nothing is written; the edit of
 * an inspection refused when stale, with what was typed kept.
 */
@IntegrationTest
class TargetPickerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	Inspections inspections;

	@Autowired
	Notices notices;

	@Autowired
	Clock clock;

	@AfterEach
	void signOut() {
		SupervisionSignIn.out();
		// The titles these tests make, and the praise that names one, would count in the prefecture's figures.
		var praises = jdbc.queryForList("""
				select distinct t.notice_id from notice_target t join naming n on n.id = t.naming_id
				where n.title like '测试命名 %'""", Long.class);
		for (var notice : praises) {
			jdbc.update("delete from notice_target where notice_id = ?", notice);
			jdbc.update("delete from notice where id = ?", notice);
		}
		jdbc.update("delete from naming where title like '测试命名 %'");
	}

	@Test
	void theInspectionFormOffersTheRegionsBelowAndTheTeamOfTheSubtreeByName() throws Exception {
		var html = Jsoup.parse(page("gz_supervisor", "/inspections/new"));
		var offered = html.select("#region-picker input[name=targetRegions]").eachAttr("value");
		var counties = jdbc.queryForList("select code from region where parent_code = '5133' and retired_at is null order by code",
				String.class);
		assertThat(offered).containsAll(counties).doesNotContain("5133");
		assertThat(offered.subList(0, 1)).as("the direct children first").containsExactly(counties.get(0));
		assertThat(html.select("#region-picker label[for=t-513301]").text()).isEqualTo("康定市");
		var members = html.select("#member-picker input[name=teamUsers]").eachAttr("value");
		assertThat(members).contains("gz_supervisor", "kd_staff");
		assertThat(html.select("#member-picker label[for=m-gz_supervisor] span").first().text()).isEqualTo("州督导组");

		var county = Jsoup.parse(page("kd_admin", "/inspections/new"));
		assertThat(county.select("#member-picker input[name=teamUsers]").eachAttr("value")).as("a county's users only")
			.contains("kd_staff")
			.doesNotContain("gz_supervisor", "ld_staff");
	}

	@Test
	void theUnitSearchFindsUnitsOfTheSubtreeByName() throws Exception {
		var unit = jdbc.queryForMap("""
				select id, name from campaign_unit where region_code like '513301%' and state = 'ACTIVE' order by id limit 1""");
		var html = Jsoup.parse(page("gz_supervisor", "/inspections/unit-options?unitName=" + unit.get("name")));
		assertThat(html.select("input[name=targetUnits]").eachAttr("value")).contains("u" + unit.get("id"));
		var outside = jdbc.queryForMap("""
				select id, name from campaign_unit where region_code like '513322%' and state = 'ACTIVE' order by id limit 1""");
		var county = Jsoup.parse(page("kd_admin", "/inspections/unit-options?unitName=" + outside.get("name")));
		assertThat(county.select("input[name=targetUnits]").eachAttr("value")).as("another county's unit")
			.doesNotContain("u" + outside.get("id"));
	}

	@Test
	void aForgedTargetIsRefusedWithItsMessageAndNothingIsWritten() throws Exception {
		var outsideRegion = jdbc.queryForObject("select min(code) from region where parent_code = '513322'", String.class);
		var outsideUnit = jdbc.queryForObject(
				"select min(id) from campaign_unit where region_code like '513322%' and state = 'ACTIVE'", Long.class);
		var title = "伪造对象督查 " + UUID.randomUUID();
		var refused = mvc.perform(post("/inspections").with(csrf()).with(user(users.loadUserByUsername("kd_admin")))
			.param("submission", UUID.randomUUID().toString())
			.param("kind", "SPECIAL")
			.param("title", title)
			.param("startsOn", today().toString())
			.param("targetRegions", outsideRegion)
			.param("targetUnits", "u" + outsideUnit)
			.param("teamUsers", "ld_staff")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(422);
		var html = Jsoup.parse(refused.getContentAsString());
		assertThat(html.select("#region-picker").text()).contains("所选督查对象不在本辖区下级区划之内");
		assertThat(html.select("#unit-picker").text()).contains("所选创建单位不在本辖区之内");
		assertThat(html.select("#member-picker").text()).contains("所选督查组成员不是本辖区内启用的用户");
		assertThat(html.select("#title").val()).as("what was typed is kept").isEqualTo(title);
		assertThat(jdbc.queryForObject("select count(*) from inspection where title = ?", Long.class, title)).isZero();

		SupervisionSignIn.as(users, "gz_admin");
		var notice = noticeForm(NoticeKind.CRITICISM, List.of("513301", "5133"), List.of());
		assertThatThrownBy(() -> notices.draft(notice)).as("the issuing region itself is not offered")
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("targetRegions",
					"notice.error.target"));
	}

	@Test
	void aPraiseOffersEachTargetOnlyItsLiveTitles() throws Exception {
		var live = title("513301", "VALID", today().minusYears(1), today().plusYears(4));
		var ended = title("513301", "VALID", today().minusYears(6), today().minusDays(1));
		var otherCounty = title("513322", "VALID", today().minusYears(1), today().plusYears(4));
		var html = Jsoup.parse(page("gz_admin", "/notices/new?kind=PRAISE"));
		var offered = html.select("select#title-513301 option").eachAttr("value");
		var expected = jdbc.queryForList("""
				select '513301#' || id from naming where holder_kind = 'REGION' and holder_region_code = '513301'
				and state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and named_on <= ? and valid_until >= ?""", String.class,
				today(), today());
		assertThat(offered).as("none, then the live titles of 康定市 itself").first().isEqualTo("");
		assertThat(offered.subList(1, offered.size())).containsExactlyInAnyOrderElementsOf(expected)
			.contains("513301#" + live)
			.doesNotContain("513301#" + ended, "513301#" + otherCounty);

		SupervisionSignIn.as(users, "gz_admin");
		var forged = noticeForm(NoticeKind.PRAISE, List.of("513301"), List.of("513301#" + otherCounty));
		long before = jdbc.queryForObject("select count(*) from notice", Long.class);
		assertThatThrownBy(() -> notices.draft(forged)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("titleLinks",
					"notice.error.title"));
		assertThatThrownBy(() -> notices.draft(noticeForm(NoticeKind.PRAISE, List.of("513301"), List.of("513301#" + ended))))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select count(*) from notice", Long.class)).isEqualTo(before);
		var praised = notices.draft(noticeForm(NoticeKind.PRAISE, List.of("513301"), List.of("513301#" + live)));
		assertThat(praised.getTargets()).singleElement().satisfies(t -> assertThat(t.getNamingId()).isEqualTo(live));
	}

	@Test
	void aStaleEditIsRefusedWithWhatWasTypedKept() throws Exception {
		SupervisionSignIn.as(users, "gz_supervisor");
		var inspection = inspections.create(new InspectionForm(UUID.randomUUID(), InspectionKind.SPECIAL, "待修改的督查",
				today().toString(), "", List.of(), "", List.of("513301"), List.of(), "", "", "", null));
		var edited = inspections.edit(inspection.getId(), new InspectionForm(null, InspectionKind.SPECIAL, "已修改的督查",
				today().toString(), today().plusDays(2).toString(), List.of("gz_supervisor"), "", List.of("513301", "513322"),
				List.of(), "", "", "", inspection.getVersion()));
		assertThat(edited.getTargets()).extracting(t -> t.getName()).containsExactly("康定市", "泸定县");
		assertThat(edited.getEndsOn()).isEqualTo(today().plusDays(2));
		SupervisionSignIn.out();

		var stale = mvc.perform(post("/inspections/" + inspection.getId()).with(csrf())
			.with(user(users.loadUserByUsername("gz_supervisor")))
			.param("kind", "SPECIAL")
			.param("title", "过时的修改")
			.param("startsOn", today().toString())
			.param("targetRegions", "513301")
			.param("version", String.valueOf(inspection.getVersion()))).andReturn().getResponse();
		assertThat(stale.getStatus()).isEqualTo(409);
		var html = Jsoup.parse(stale.getContentAsString());
		assertThat(html.select(".alert-danger").text()).contains("这次督查刚被他人修改过");
		assertThat(html.select("#title").val()).isEqualTo("过时的修改");
		assertThat(jdbc.queryForObject("select title from inspection where id = ?", String.class, inspection.getId()))
			.isEqualTo("已修改的督查");
	}

	private String page(String username, String path) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private NoticeForm noticeForm(NoticeKind kind, List<String> regions, List<String> titleLinks) {
		return new NoticeForm(UUID.randomUUID(), kind, "测试〔2026〕" + UUID.randomUUID().toString().substring(0, 6) + "号",
				today().toString(), "通报", "正文", null, kind == NoticeKind.CRITICISM ? today().plusDays(10).toString() : "",
				regions, List.of(), titleLinks, null);
	}

	/** A title of the region {@code code} itself, named and ending as given. */
	private long title(String code, String state, LocalDate namedOn, LocalDate validUntil) {
		var name = "测试命名 " + UUID.randomUUID().toString().substring(0, 8);
		return jdbc.queryForObject("""
				insert into naming (holder_kind, holder_region_code, holder_name, title, level, issuer_region_code, state,
				                    applied_on, named_on, valid_until, verification_code, created_by)
				values ('REGION', ?, '测试', ?, 'PREFECTURE', '5133', ?, ?, ?, ?, ?, 'test') returning id""", Long.class, code,
				name, state, namedOn.minusMonths(1), namedOn, validUntil, UUID.randomUUID().toString().substring(0, 12));
	}

	private LocalDate today() {
		return ChinaTime.today(clock);
	}

}
