package org.pomegranate.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.pairing.CadreForms.aCadre;
import static org.pomegranate.pairing.HouseholdForms.aHousehold;
import static org.pomegranate.pairing.PairingFixtures.idNumber;
import static org.pomegranate.pairing.ProgramForms.aProgram;
import static org.pomegranate.pairing.household.HouseholdCategory.DISABLED;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.household.HouseholdTransfers;
import org.pomegranate.pairing.household.TransferRequestedException;
import org.pomegranate.pairing.household.TransferState;
import org.pomegranate.pairing.program.PairingService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Item 14 of issue 10: an ID number registered in a region outside the user's scope answers with
 * a transfer request (迁移申请), never with where it is; the admins of the lowest region covering
 * both decide; the requester sees the state only.
 */
@IntegrationTest
class HouseholdTransferTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	@Autowired
	HouseholdService households;

	@Autowired
	HouseholdTransfers transfers;

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
	void aNumberRegisteredElsewhereSendsOneRequestWhichTheAdminsAboveBothDecide() {
		var lcVillage = luchengVillage();
		var existing = as("gz_admin", () -> households.create(aHousehold().named("迁移户甲")
			.withIdNumber(idNumber("19770707", 1)).in(otherKangdingVillage()).withCategories(DISABLED).build()));
		var cadre = as("gz_admin", () -> cadres.create(aCadre().named("迁移测试干部").in("513301").build()));
		var program = as("gz_admin", () -> pairings.createProgram(aProgram().named("迁移测试计划").in("513301")
			.targeting(DISABLED).forLevels(CadreLevel.GENERAL).households(0, 5).build()));
		var pairing = as("gz_admin", () -> pairings.pair(program.getId(), cadre.getId(), existing.getId(), TODAY, SubmissionTokens.fresh()));
		long householdsBefore = count("select count(*) from household");

		// 炉城街道 staff register the same number: a request, twice asked, is one request.
		var form = aHousehold().named("迁移户甲（新登记）").withIdNumber(idNumber("19770707", 1)).in(lcVillage)
			.withCategories(DISABLED).build();
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> as("lc_staff", () -> households.create(form)))
				.isInstanceOf(TransferRequestedException.class)
				.hasMessage("household.transfer.sent")
				.satisfies(ex -> assertThat(((BusinessRuleException) ex).arguments()).isEmpty());
		}
		assertThat(count("select count(*) from household")).isEqualTo(householdsBefore);
		assertThat(count("select count(*) from household_transfer where household_id = " + existing.getId())).isEqualTo(1);
		assertThat(count("select count(*) from audit_event where action = 'TRANSFER_REQUEST' and username = 'lc_staff'"))
			.isEqualTo(1);

		// The requester sees their request's state; the household stays out of their reach.
		var mine = as("lc_staff", () -> transfers.mine());
		assertThat(mine).singleElement().satisfies(sent -> {
			assertThat(sent.state()).isEqualTo(TransferState.SENT);
			assertThat(sent.toRegionCode()).isEqualTo(lcVillage);
		});
		assertThatThrownBy(() -> as("lc_staff", () -> transfers.open())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as("lc_staff", () -> households.get(existing.getId())))
			.isInstanceOf(RecordNotFoundException.class);

		// 康定市 covers both townships: its admins decide. Approving moves the household and ends its pairing.
		var request = as("kd_admin", () -> transfers.open()).stream()
			.filter(t -> t.getHouseholdId().equals(existing.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(request.getRegionCode()).isEqualTo("513301");
		as("kd_admin", () -> transfers.approve(request.getId(), request.getVersion(), "迁移至其他地区"));
		assertThat(as("lc_staff", () -> households.get(existing.getId())).getRegionCode()).isEqualTo(lcVillage);
		assertThat(jdbc.queryForMap("select ended_on, end_reason from pairing where id = ?", pairing.getId()))
			.containsEntry("end_reason", "迁移至其他地区")
			.containsEntry("ended_on", java.sql.Date.valueOf(TODAY));
		assertThat(as("lc_staff", () -> transfers.mine()).get(0).state()).isEqualTo(TransferState.APPROVED);
		// This request's approval, whatever other test classes approved as kd_admin before in the same JVM.
		assertThat(count("select count(*) from audit_event where action = 'TRANSFER_APPROVE' and username = 'kd_admin' "
				+ "and entity_id = '" + request.getId() + "'")).isEqualTo(1);
		assertThatThrownBy(() -> as("kd_admin", () -> transfers.refuse(request.getId(), request.getVersion() + 1, "晚了")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("transfer.error.decided");
	}

	@Test
	void aRequestAcrossCountiesGoesToThePrefectureAndMayBeRefusedWithAReason() {
		var existing = as("gz_admin", () -> households.create(aHousehold().named("外县迁移户")
			.withIdNumber(idNumber("19770707", 2)).in(ludingVillage()).withCategories(DISABLED).build()));
		assertThatThrownBy(() -> as("kd_staff", () -> households.create(aHousehold().named("外县迁移户")
			.withIdNumber(idNumber("19770707", 2)).in(luchengVillage()).withCategories(DISABLED).build())))
			.isInstanceOf(TransferRequestedException.class);

		assertThat(as("kd_admin", () -> transfers.open())).noneMatch(t -> t.getHouseholdId().equals(existing.getId()));
		var request = as("gz_admin", () -> transfers.open()).stream()
			.filter(t -> t.getHouseholdId().equals(existing.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(request.getRegionCode()).isEqualTo("5133");
		assertThatThrownBy(() -> as("kd_admin", () -> transfers.get(request.getId()))).isInstanceOf(RecordNotFoundException.class);

		assertThatThrownBy(() -> as("gz_admin", () -> transfers.refuse(request.getId(), request.getVersion(), " ")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("transfer.error.reason");
		as("gz_admin", () -> transfers.refuse(request.getId(), request.getVersion(), "户籍未迁出"));
		assertThat(as("gz_admin", () -> households.get(existing.getId())).getRegionCode()).startsWith("513322");
		assertThat(as("kd_staff", () -> transfers.mine())).anySatisfy(sent -> {
			assertThat(sent.headName()).isEqualTo("外县迁移户");
			assertThat(sent.state()).isEqualTo(TransferState.REFUSED);
		});

		// Editing another household's number into this one's is refused without a word of where.
		var own = as("kd_staff", () -> households.create(aHousehold().named("康定自有户")
			.withIdNumber(idNumber("19770707", 3)).in(luchengVillage()).withCategories(DISABLED).build()));
		assertThatThrownBy(() -> as("kd_staff", () -> households.update(own.getId(), own.getVersion(), aHousehold()
			.named("康定自有户").withIdNumber(idNumber("19770707", 2)).in(luchengVillage()).withCategories(DISABLED).build())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("idNumber", "household.error.idNumberUnavailable"));
	}

	/**
	 * Approving one request closes the household's other open ones with a reason, and a request for
	 * a household no longer where it was asked from is refused as outdated instead of moving it again.
	 */
	@Test
	void anApprovedMoveClosesTheOtherRequestsAndAnOutdatedOneMovesNothing() {
		var from = otherKangdingVillage();
		var lcVillage = luchengVillage();
		var existing = as("gz_admin", () -> households.create(aHousehold().named("双申请迁移户")
			.withIdNumber(idNumber("19770707", 6)).in(from).withCategories(DISABLED).build()));
		assertThatThrownBy(() -> as("lc_staff", () -> households.create(aHousehold().named("双申请迁移户")
			.withIdNumber(idNumber("19770707", 6)).in(lcVillage).withCategories(DISABLED).build())))
			.isInstanceOf(TransferRequestedException.class);
		long other = sendDirectly(existing.getId(), from, "tf_other_staff");

		long first = jdbc.queryForObject("select id from household_transfer where household_id = ? and requested_by = 'lc_staff'",
				Long.class, existing.getId());
		as("kd_admin", () -> transfers.approve(first, 0, "迁移至其他地区"));
		assertThat(jdbc.queryForMap("select state, decision_reason, decided_by from household_transfer where id = ?", other))
			.containsEntry("state", "REFUSED")
			.containsEntry("decision_reason", "该户已按其他迁移申请迁出，本申请不再处理。")
			.containsEntry("decided_by", "kd_admin");

		// A request still open from before, naming the village the household has left.
		long outdated = sendDirectly(existing.getId(), from, "tf_late_staff");
		assertThatThrownBy(() -> as("kd_admin", () -> transfers.approve(outdated, 0, "迁移至其他地区")))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("transfer.error.outdated");
		assertThat(jdbc.queryForMap("select state, decision_reason from household_transfer where id = ?", outdated))
			.containsEntry("state", "REFUSED")
			.containsEntry("decision_reason", "该户已不在申请时的所在地，申请失效。");
		assertThat(as("gz_admin", () -> households.get(existing.getId())).getRegionCode()).isEqualTo(lcVillage);
	}

	private long sendDirectly(long householdId, String fromRegionCode, String requestedBy) {
		return jdbc.queryForObject("""
				insert into household_transfer (household_id, region_code, from_region_code, to_region_code,
				                                requested_head_name, requested_by, state)
				values (?, '513301', ?, ?, '双申请迁移户', ?, 'SENT') returning id""", Long.class, householdId, fromRegionCode,
				fromRegionCode, requestedBy);
	}

	/**
	 * Over HTTP: the requester's answer is the same whichever region holds the number (a township of
	 * 康定市 or 泸定县), names neither, and once 康定市's admin approves, the household is in the
	 * requester's list.
	 */
	@Test
	void overHttpTheRequesterLearnsOnlyThatARequestWasSentAndThenFindsTheHousehold() throws Exception {
		var inKangding = as("gz_admin", () -> households.create(aHousehold().named("网页迁移户")
			.withIdNumber(idNumber("19770707", 4)).in(otherKangdingVillage()).withCategories(DISABLED).build()));
		as("gz_admin", () -> households.create(aHousehold().named("网页外县户")
			.withIdNumber(idNumber("19770707", 5)).in(ludingVillage()).withCategories(DISABLED).build()));
		var requester = user(users.loadUserByUsername("lc_staff"));

		var first = mvc.perform(register(aHousehold().named("网页迁移户").withIdNumber(idNumber("19770707", 4))
			.in(luchengVillage()).withCategories(DISABLED).build()).with(requester)).andReturn();
		var second = mvc.perform(register(aHousehold().named("网页外县户").withIdNumber(idNumber("19770707", 5))
			.in(luchengVillage()).withCategories(DISABLED).build()).with(requester)).andReturn();
		for (var answer : java.util.List.of(first, second)) {
			assertThat(answer.getResponse().getStatus()).isEqualTo(302);
			assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/transfers/mine");
			assertThat((java.util.Map<String, Object>) answer.getFlashMap()).containsEntry("success", "household.transfer.sent").hasSize(1);
		}
		assertThat(first.getResponse().getHeaderNames()).isEqualTo(second.getResponse().getHeaderNames());

		var mine = mvc.perform(get("/transfers/mine").with(requester)).andReturn().getResponse().getContentAsString();
		var otherTownship = jdbc.queryForObject("select name from region where code = ?", String.class,
				otherKangdingVillage().substring(0, 9));
		assertThat(mine).contains("网页迁移户", "网页外县户", "已提交")
			.doesNotContain(otherTownship)
			.doesNotContain("泸定县")
			.doesNotContain("/households/" + inKangding.getId());

		var admin = user(users.loadUserByUsername("kd_admin"));
		var list = mvc.perform(get("/transfers").with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("网页迁移户").doesNotContain("网页外县户");
		long id = jdbc.queryForObject("select id from household_transfer where household_id = ?", Long.class,
				inKangding.getId());
		var page = mvc.perform(get("/transfers/" + id).with(admin)).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("网页迁移户", inKangding.maskedIdNumber()).doesNotContain(idNumber("19770707", 4));
		var approved = mvc.perform(post("/transfers/" + id + "/approve").param("version", "0").with(admin).with(csrf()))
			.andReturn();
		assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/transfers");
		assertThat((java.util.Map<String, Object>) approved.getFlashMap()).containsEntry("success", "transfer.approved");

		var households = mvc.perform(get("/households").param("text", "网页迁移户").with(requester)).andReturn().getResponse()
			.getContentAsString();
		assertThat(households).contains("/households/" + inKangding.getId() + "\"");
		assertThat(mvc.perform(get("/transfers/mine").with(requester)).andReturn().getResponse().getContentAsString())
			.contains("已批准");
	}

	private static MockHttpServletRequestBuilder register(HouseholdForm form) {
		var request = post("/households").with(csrf())
			.param("headName", form.headName())
			.param("idNumber", form.idNumber())
			.param("ethnicity", form.ethnicity())
			.param("phone", form.phone())
			.param("regionCode", form.regionCode())
			.param("address", form.address())
			.param("memberCount", form.memberCount())
			.param("version", "0")
			.param("submission", String.valueOf(form.submission()));
		form.categories().forEach(category -> request.param("categories", category.name()));
		return request;
	}

	/** A village of 炉城街道, lc_staff's township. */
	private String luchengVillage() {
		return jdbc.queryForObject("select min(code) from region where parent_code = '513301001'", String.class);
	}

	/** A village of another township of 康定市, outside lc_staff's scope. */
	private String otherKangdingVillage() {
		return jdbc.queryForObject("""
				select min(v.code) from region v join region t on t.code = v.parent_code
				where t.parent_code = '513301' and t.code <> '513301001'""", String.class);
	}

	private String ludingVillage() {
		return jdbc.queryForObject("""
				select min(v.code) from region v join region t on t.code = v.parent_code where t.parent_code = '513322'""",
				String.class);
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
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
