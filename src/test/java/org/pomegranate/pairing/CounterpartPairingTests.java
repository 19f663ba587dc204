package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.pairing.CadreForms.aCadre;
import static org.pomegranate.pairing.HouseholdForms.aHousehold;
import static org.pomegranate.pairing.PairingFixtures.idNumber;
import static org.pomegranate.pairing.ProgramForms.aProgram;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Item 13 of issue 10: a cadre is paired only with households of their own region or below it,
 * unless a counterpart-support program (对口支援) names the cadre's region as a partner; the
 * household's users then see that cadre's name, unit and level, nothing else.
 */
@IntegrationTest
class CounterpartPairingTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** 泸定县 */
	private static final String LUDING = "513322";

	/** 康定市 */
	private static final String KANGDING = "513301";

	@Autowired
	HouseholdService households;

	@Autowired
	CadreService cadres;

	@Autowired
	PairingService pairings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void aPrefectureAdminCannotPairALudingCadreWithAKangdingHouseholdInAnOrdinaryProgram() {
		var village = kangdingVillage();
		var household = as("gz_admin", () -> households.create(aHousehold().named("康定对口户甲")
			.withIdNumber(idNumber("19881111", 1)).in(village).withCategories(DISABLED).build()));
		var luding = as("gz_admin", () -> cadres.create(aCadre().named("外县干部甲").in(LUDING).workingAt("外县教育局").build()));
		var ordinary = as("gz_admin", () -> pairings.createProgram(aProgram().named("州级普通计划对口测试").in("5133")
			.targeting(DISABLED).forLevels(CadreLevel.GENERAL).households(0, 5).build()));

		assertThatThrownBy(() -> as("gz_admin", () -> pairings.pair(ordinary.getId(), luding.getId(), household.getId(), TODAY, SubmissionTokens.fresh())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("pairing.error.cadreRegion");

		// A cadre of the prefecture (above the household) or of 康定市 itself may.
		var prefecture = as("gz_admin", () -> cadres.create(aCadre().named("州干部甲").in("5133").build()));
		as("gz_admin", () -> pairings.pair(ordinary.getId(), prefecture.getId(), household.getId(), TODAY, SubmissionTokens.fresh()));

		// Reassigning to the 泸定 cadre is refused by the same rule.
		var active = as("gz_admin", () -> pairings.historyOfHousehold(household.getId())).get(0);
		assertThatThrownBy(() -> as("gz_admin",
				() -> pairings.reassign(active.getId(), active.getVersion(), luding.getId(), TODAY, "换人")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("pairing.error.cadreRegion");
	}

	@Test
	void aCounterpartSupportProgramNamesItsPartnerRegionsWhichMustExistAndLieElsewhere() {
		assertThat(problems(() -> pairings.createProgram(aProgram().named("对口无支援方").in(KANGDING).supportedBy().build())))
			.containsEntry("partnerRegions", "program.error.partners");
		assertThat(problems(() -> pairings.createProgram(aProgram().named("对口支援方不存在").in(KANGDING)
			.supportedBy("519999").build()))).containsEntry("partnerRegions", "program.error.partnerUnknown");
		assertThat(problems(() -> pairings.createProgram(aProgram().named("对口支援方重叠").in(KANGDING)
			.supportedBy("5133").build()))).containsEntry("partnerRegions", "program.error.partnerOverlaps");
	}

	@Test
	void inACounterpartProgramNamingLudingTheCadreMayPairAndKangdingStaffSeeNameUnitAndLevelOnly() throws Exception {
		var village = kangdingVillage();
		var household = as("gz_admin", () -> households.create(aHousehold().named("康定对口户乙")
			.withIdNumber(idNumber("19881111", 2)).in(village).withCategories(DISABLED).build()));
		var neighbour = as("gz_admin", () -> households.create(aHousehold().named("康定对口户丙")
			.withIdNumber(idNumber("19881111", 3)).in(village).withCategories(DISABLED).build()));
		var luding = as("gz_admin", () -> cadres.create(aCadre().named("支援干部乙").in(LUDING).workingAt("外县卫健局")
			.withPhone("13900001111").build()));
		var local = as("gz_admin", () -> cadres.create(aCadre().named("康定本地干部").in(KANGDING).workingAt("康定市民宗局")
			.withPhone("13700002222").build()));
		var program = as("gz_admin", () -> pairings.createProgram(aProgram().named("对口支援康定计划").in(KANGDING)
			.supportedBy(LUDING).targeting(DISABLED).forLevels(CadreLevel.GENERAL).households(0, 5).build()));

		var supported = as("gz_admin", () -> pairings.pair(program.getId(), luding.getId(), household.getId(), TODAY, SubmissionTokens.fresh()));
		as("gz_admin", () -> pairings.pair(program.getId(), local.getId(), neighbour.getId(), TODAY, SubmissionTokens.fresh()));

		var staff = user(users.loadUserByUsername("kd_staff"));
		var foreignLink = "/cadres/" + luding.getId() + "\"";
		var foreignPhone = "139****1111";

		// The household page: name, unit, level; no phone, no link. The local cadre keeps both.
		var page = html(mvc.perform(get("/households/" + household.getId()).with(staff)).andReturn().getResponse());
		assertThat(page).contains("支援干部乙", "外县卫健局", "一般干部", "外地干部")
			.doesNotContain(foreignPhone)
			.doesNotContain(foreignLink);
		var neighbourPage = html(mvc.perform(get("/households/" + neighbour.getId()).with(staff)).andReturn().getResponse());
		assertThat(neighbourPage).contains("康定本地干部", "137****2222", "/cadres/" + local.getId() + "\"");

		// The cadre's own page answers 404 to 康定 staff, and the cadre is not in their cadre list.
		assertThat(mvc.perform(get("/cadres/" + luding.getId()).with(staff)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(html(mvc.perform(get("/cadres").param("text", "支援干部乙").with(staff)).andReturn().getResponse()))
			.doesNotContain(">支援干部乙<")
			.doesNotContain("/cadres/" + luding.getId() + "\"");

		// The pairings list.
		var list = html(mvc.perform(get("/pairings").param("programId", String.valueOf(program.getId())).with(staff))
			.andReturn().getResponse());
		assertThat(list).contains("支援干部乙", "外县卫健局", "137****2222")
			.doesNotContain(foreignPhone)
			.doesNotContain(foreignLink);

		// The pairings export, read back: the foreign cadre's phone cell is empty.
		var rows = rows(mvc.perform(get("/pairings/export").param("programId", String.valueOf(program.getId())).with(staff))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(rows.get(0)).startsWith("结对计划", "家庭", "村（社区）", "干部", "工作单位", "级别", "手机");
		var foreignRow = rows.stream().filter(row -> row.contains("支援干部乙")).findFirst().orElseThrow();
		assertThat(foreignRow.subList(3, 7)).containsExactly("支援干部乙", "外县卫健局", "一般干部", "");
		var localRow = rows.stream().filter(row -> row.contains("康定本地干部")).findFirst().orElseThrow();
		assertThat(localRow.get(6)).isEqualTo("137****2222");
		assertThat(String.join(" ", rows.stream().flatMap(List::stream).toList())).doesNotContain("1111");

		// The visit form.
		var visitForm = html(mvc.perform(get("/pairings/" + supported.getId() + "/visits/new").with(staff))
			.andReturn().getResponse());
		assertThat(visitForm).contains("支援干部乙", "外县卫健局", "一般干部")
			.doesNotContain(foreignPhone)
			.doesNotContain(foreignLink);

		// 泸定 staff, the cadre's own region, see the whole load: one household, elsewhere.
		var ludingStaff = user(users.loadUserByUsername("ld_staff"));
		var cadrePage = html(mvc.perform(get("/cadres/" + luding.getId()).with(ludingStaff)).andReturn().getResponse());
		assertThat(cadrePage).contains("另有 1 户结对家庭在其他地区").doesNotContain("康定对口户乙");
	}

	private String kangdingVillage() {
		return jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
	}

	private static String html(org.springframework.mock.web.MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString();
	}

	private java.util.Map<String, String> problems(Runnable action) {
		try {
			as("gz_admin", () -> {
				action.run();
				return null;
			});
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("expected the input to be refused");
	}

	private static List<List<String>> rows(byte[] xlsx) throws Exception {
		var formatter = new DataFormatter();
		var rows = new ArrayList<List<String>>();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				var values = new ArrayList<String>();
				for (Cell cell : row) {
					while (values.size() < cell.getColumnIndex()) {
						values.add("");
					}
					values.add(formatter.formatCellValue(cell));
				}
				while (values.size() < 12) {
					values.add("");
				}
				rows.add(values);
			}
		}
		return rows;
	}

	private <T> T as(String username, Supplier<T> action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
