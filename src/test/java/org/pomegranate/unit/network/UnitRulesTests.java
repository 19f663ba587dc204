package org.pomegranate.unit.network;

import org.pomegranate.TestRegions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.network.UnitFixtures.ADMIN;
import static org.pomegranate.unit.network.UnitFixtures.COUNTY;
import static org.pomegranate.unit.network.UnitFixtures.OTHER_TOWNSHIP;
import static org.pomegranate.unit.network.UnitFixtures.STAFF;
import static org.pomegranate.unit.network.UnitFixtures.TOWNSHIP;
import static org.pomegranate.unit.network.UnitFixtures.VILLAGE_A;
import static org.pomegranate.unit.network.UnitFixtures.VILLAGE_B;
import static org.pomegranate.unit.network.UnitFixtures.name;
import static org.pomegranate.unit.network.UnitForms.unit;
import static org.pomegranate.unit.network.UnitKind.AGENCY;
import static org.pomegranate.unit.network.UnitKind.ARMY_COMPANY;
import static org.pomegranate.unit.network.UnitKind.WORK_CENTRE;
import static org.pomegranate.unit.network.UnitKind.WORK_STUDIO;
import static org.pomegranate.unit.network.UnitKind.WORK_TEAM;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rules of units in the services, as staff of 黑水县 meet them: how the network nests, what a
 * merged unit refuses, members' history and their one active role, the credit code, and the
 * network's counts taken from memberships.
 */
@IntegrationTest
class UnitRulesTests {

	/** Valid by GB 32100 (the check character computed by the standard's weights). */
	private static final String CREDIT_CODE = "91350100M000100Y43";

	@Autowired
	UnitRegistration registration;

	@Autowired
	UnitMembers members;

	@Autowired
	UnitNetwork network;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void fixtures() {
		UnitFixtures.regionsAndUsers(jdbc);
		// The credit code belongs to one active unit at a time: earlier runs' holders are merged.
		jdbc.update("update campaign_unit set state = 'MERGED', merged_on = current_date, merged_reason = '测试' "
				+ "where credit_code = ? and state = 'ACTIVE' and region_code like '5132%'", CREDIT_CODE);
	}

	@Test
	void theNetworkNestsCentreStudioTeamInsideTheParentsRegion() {
		var county = create(unit(name("黑水县工作中心"), WORK_CENTRE, COUNTY));
		var centre = create(unit(name("测试乡工作中心"), WORK_CENTRE, TOWNSHIP).parent(county.getId()));
		var studio = create(unit(name("甲村工作室"), WORK_STUDIO, VILLAGE_A).parent(centre.getId()));
		var team = create(unit(name("甲村工作队"), WORK_TEAM, VILLAGE_A).parent(studio.getId()));
		assertThat(team.getParentId()).isEqualTo(studio.getId());

		assertThat(refused(unit(name("无上级工作室"), WORK_STUDIO, VILLAGE_A)))
			.containsEntry("parentId", "unit.error.parentRequired.WORK_STUDIO");
		assertThat(refused(unit(name("挂错的工作队"), WORK_TEAM, VILLAGE_A).parent(centre.getId())))
			.containsEntry("parentId", "unit.error.parentKind.WORK_TEAM");
		assertThat(refused(unit(name("挂错的工作室"), WORK_STUDIO, VILLAGE_A).parent(studio.getId())))
			.containsEntry("parentId", "unit.error.parentKind.WORK_STUDIO");
		// A centre hangs only under the centre of a region above, not one of its own region.
		assertThat(refused(unit(name("同级工作中心"), WORK_CENTRE, TOWNSHIP).parent(centre.getId())))
			.containsEntry("parentId", "unit.error.parentKind.WORK_CENTRE");
		// A studio of village A under a team's studio is fine; one of village B under village A's studio's team is not.
		assertThat(refused(unit(name("乙村工作队"), WORK_TEAM, VILLAGE_B).parent(studio.getId())))
			.containsEntry("parentId", "unit.error.parentRegion");
		// Other kinds hang under anything in their region or above, or under nothing.
		assertThat(create(unit(name("测试连队"), ARMY_COMPANY, VILLAGE_B).parent(centre.getId())).getParentId())
			.isEqualTo(centre.getId());
		assertThat(create(unit(name("测试机关"), AGENCY, COUNTY)).getParentId()).isNull();
	}

	@Test
	void aUnitCannotHangUnderItselfOrBelowItselfAndItsChildrenKeepFitting() {
		var agency = create(unit(name("测试局"), AGENCY, COUNTY));
		var office = create(unit(name("测试股"), AGENCY, COUNTY).parent(agency.getId()));
		assertThat(refusedEdit(agency, unit(agency.getName(), AGENCY, COUNTY).parent(office.getId())))
			.containsEntry("parentId", "unit.error.parentCycle");

		var centre = create(unit(name("测试乡工作中心"), WORK_CENTRE, TOWNSHIP));
		create(unit(name("甲村工作室"), WORK_STUDIO, VILLAGE_A).parent(centre.getId()));
		assertThat(refusedEdit(centre, unit(centre.getName(), AGENCY, TOWNSHIP)))
			.containsEntry("kind", "unit.error.childrenNoLongerFit");
		assertThat(refusedEdit(centre, unit(centre.getName(), WORK_CENTRE, VILLAGE_B)))
			.containsEntry("regionCode", "unit.error.childrenNoLongerFit");
	}

	@Test
	void aMergedUnitTakesNoMembersNoChildrenNoEditsAndFreesItsCreditCode() {
		var centre = create(unit(name("将撤并的工作中心"), WORK_CENTRE, TOWNSHIP));
		var merged = as(STAFF, () -> registration.merge(centre.getId(), centre.getVersion(),
				new MergeForm("2024-06-30", "乡镇合并", centre.getVersion())));
		assertThat(merged.getState()).isEqualTo(UnitState.MERGED);
		assertThat(merged.getMergedOn()).hasToString("2024-06-30");
		assertThat(merged.getMergedReason()).isEqualTo("乡镇合并");

		assertThat(refused(unit(name("撤并后的工作室"), WORK_STUDIO, VILLAGE_A).parent(centre.getId())))
			.containsEntry("parentId", "unit.refused.merged.ADD_CHILD");
		var cadre = UnitFixtures.cadre(jdbc, name("撤并测试干部"), VILLAGE_A);
		assertThatThrownBy(() -> as(STAFF, () -> members.add(centre.getId(),
				new MemberForm(cadre, MemberRole.MEMBER, "2024-07-01", SubmissionTokens.fresh()))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("", "unit.refused.merged.ADD_MEMBER"));
		assertThatThrownBy(() -> as(STAFF, () -> registration.update(centre.getId(), merged.getVersion(),
				unit(centre.getName(), WORK_CENTRE, TOWNSHIP).version(merged.getVersion()).form())))
			.isInstanceOfSatisfying(BusinessRuleException.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("unit.refused.merged.EDIT"));
		assertThat(history(centre.getId())).containsExactly("MERGED", "CREATED");
		assertThat(jdbc.queryForList("""
				select action || ' ' || username || ' ' || summary from audit_event
				where entity_type = 'CampaignUnit' and entity_id = ? order by id""", String.class, String.valueOf(centre.getId())))
			.containsExactly("CREATE " + STAFF + " " + centre.getName() + " @" + TOWNSHIP,
					"UPDATE " + STAFF + " " + centre.getName() + " 已撤并 2024-06-30");

		var school = create(unit(name("测试学校"), UnitKind.SCHOOL, COUNTY).creditCode(CREDIT_CODE));
		assertThat(refused(unit(name("同代码学校"), UnitKind.SCHOOL, COUNTY).creditCode(CREDIT_CODE)))
			.containsEntry("creditCode", "unit.error.creditCodeTaken");
		as(STAFF, () -> registration.merge(school.getId(), school.getVersion(),
				new MergeForm("2024-06-30", "撤销", school.getVersion())));
		assertThat(create(unit(name("接续的学校"), UnitKind.SCHOOL, COUNTY).creditCode(CREDIT_CODE)).getCreditCode())
			.isEqualTo(CREDIT_CODE);
	}

	@Test
	void aUnitWithActiveChildrenIsNotMergedAndAMergeEndsItsMemberships() {
		var centre = create(unit(name("撤并测试工作中心"), WORK_CENTRE, TOWNSHIP));
		var studio = create(unit(name("撤并测试工作室"), WORK_STUDIO, VILLAGE_A).parent(centre.getId()));
		var cadre = UnitFixtures.cadre(jdbc, name("撤并测试育籽员"), VILLAGE_A);
		var member = join(studio, cadre, MemberRole.YUZIYUAN, "2024-03-01");
		var earlier = UnitFixtures.cadre(jdbc, name("已离开的成员"), VILLAGE_A);
		leave(studio, join(studio, earlier, MemberRole.MEMBER, "2023-01-01"), "2023-12-31", "调离");

		assertThat(refusedMerge(centre, "2024-06-30")).containsEntry("", "unit.error.mergeActiveChildren");
		assertThat(refusedMerge(studio, "2024-02-01")).as("before a member joined")
			.containsEntry("mergedOn", "unit.error.mergedBeforeMemberJoined");
		assertThat(state(centre)).isEqualTo("ACTIVE");

		merge(studio, "2024-06-30", "村组合并");
		assertThat(as(STAFF, () -> members.of(studio.getId())))
			.extracting(m -> m.getCadreId() + " " + m.getJoinedOn() + " " + m.getLeftOn() + " " + m.getLeftReason())
			.containsExactlyInAnyOrder(cadre + " 2024-03-01 2024-06-30 单位撤并", earlier + " 2023-01-01 2023-12-31 调离");
		assertThat(history(studio.getId())).startsWith("MERGED", "MEMBER_LEFT");
		assertThat(jdbc.queryForObject("select count(*) from unit_membership where id = ?", Long.class, member.getId())).isOne();
		// Its studio merged, the centre may be.
		merge(centre, "2024-06-30", "乡镇合并");
		assertThat(state(centre)).isEqualTo("MERGED");
	}

	@Test
	void theEditFormShowsThePhoneMaskedAndClearingItClearsIt() {
		var agency = create(unit(name("电话测试机关"), AGENCY, COUNTY).phone("13912345678"));
		var form = UnitForm.of(as(STAFF, () -> registration.get(agency.getId())));
		assertThat(form.phone()).isEqualTo("139****5678");
		var kept = as(STAFF, () -> registration.update(agency.getId(), form.version(), form));
		assertThat(kept.getPhone()).as("left as shown, the number stays").isEqualTo("13912345678");
		var cleared = as(STAFF, () -> registration.update(agency.getId(), kept.getVersion(),
				unit(agency.getName(), AGENCY, COUNTY).phone("").version(kept.getVersion()).form()));
		assertThat(cleared.getPhone()).isNull();
		var typed = as(STAFF, () -> registration.update(agency.getId(), cleared.getVersion(),
				unit(agency.getName(), AGENCY, COUNTY).phone("0837-6621234").version(cleared.getVersion()).form()));
		assertThat(typed.getPhone()).isEqualTo("0837-6621234");
		assertThat(refusedEdit(typed, unit(agency.getName(), AGENCY, COUNTY).phone("139****5678")))
			.as("a masked number that is not the stored one").containsEntry("phone", "validation.phone");
	}

	@Test
	void theCreditCodeIsCheckedByGb32100AndOnlyForKindsThatHaveOne() {
		assertThat(refused(unit(name("错码学校"), UnitKind.SCHOOL, COUNTY).creditCode("91350100M000100Y44")))
			.containsEntry("creditCode", "validation.creditCode");
		assertThat(refused(unit(name("错码学校"), UnitKind.SCHOOL, COUNTY).creditCode("91350100M000100O43")))
			.containsEntry("creditCode", "validation.creditCode");
		assertThat(refused(unit(name("有码工作中心"), WORK_CENTRE, TOWNSHIP).creditCode(CREDIT_CODE)))
			.containsEntry("creditCode", "unit.error.creditCodeNotForKind");
		// Typed in lower case with spaces around, it is the same code.
		assertThat(create(unit(name("小写学校"), UnitKind.SCHOOL, COUNTY).creditCode(" 91350100m000100y43 ")).getCreditCode())
			.isEqualTo(CREDIT_CODE);
	}

	@Test
	void membersJoinAndLeaveWithTheirHistoryKeptAndOneActiveRoleEach() {
		var studio = create(unit(name("成员测试工作室"), WORK_STUDIO, VILLAGE_A)
			.parent(create(unit(name("成员测试工作中心"), WORK_CENTRE, TOWNSHIP)).getId()));
		var cadre = UnitFixtures.cadre(jdbc, name("卓玛"), VILLAGE_A);
		var first = join(studio, cadre, MemberRole.MEMBER, "2023-03-01");
		assertThatThrownBy(() -> join(studio, cadre, MemberRole.YUZIYUAN, "2023-04-01"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("cadreId", "unit.member.error.alreadyMember"));
		assertThatThrownBy(() -> leave(studio, first, "2023-02-01", "调整"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("leftOn", "unit.member.error.leftBeforeJoined"));
		leave(studio, first, "2024-01-15", "调整充实");
		// 调整充实: the same cadre back in another role, the first membership kept.
		join(studio, cadre, MemberRole.YUZIYUAN, "2024-01-16");
		var all = as(STAFF, () -> members.of(studio.getId()));
		assertThat(all).extracting(m -> m.getRole() + " " + m.getJoinedOn() + " " + m.getLeftOn() + " " + m.getLeftReason())
			.containsExactly("YUZIYUAN 2024-01-16 null null", "MEMBER 2023-03-01 2024-01-15 调整充实");
		assertThat(history(studio.getId())).containsExactly("MEMBER_JOINED", "MEMBER_LEFT", "MEMBER_JOINED", "CREATED");

		// A cadre of another county is not one the user may choose.
		var foreign = UnitFixtures.cadre(jdbc, name("外县干部"), OTHER_TOWNSHIP);
		assertThatThrownBy(() -> join(studio, foreign, MemberRole.MEMBER, "2024-02-01"))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("cadreId", "unit.member.error.cadre"));
	}

	@Test
	void yuziyuanAreCountedFromActiveMembershipsOfActiveUnits() {
		var township = newTownship();
		var centre = create(unit(name("计数工作中心"), WORK_CENTRE, township));
		var studio = create(unit(name("计数工作室"), WORK_STUDIO, township).parent(centre.getId()));
		var team = create(unit(name("计数工作队"), WORK_TEAM, township).parent(studio.getId()));
		var a = UnitFixtures.cadre(jdbc, name("育籽员甲"), township);
		var b = UnitFixtures.cadre(jdbc, name("育籽员乙"), township);
		var c = UnitFixtures.cadre(jdbc, name("成员丙"), township);
		join(studio, a, MemberRole.YUZIYUAN, "2024-01-01");
		join(team, a, MemberRole.YUZIYUAN, "2024-01-01");
		join(team, b, MemberRole.YUZIYUAN, "2024-01-01");
		join(team, c, MemberRole.HEAD, "2024-01-01");
		var left = join(centre, c, MemberRole.YUZIYUAN, "2024-01-01");
		leave(centre, left, "2024-02-01", "调离");

		var tree = as(STAFF, () -> network.tree(township));
		// a counts once though a member of two units; c has left the centre's 育籽员 role.
		assertThat(tree.asMap()).isEqualTo(Map.of("centres", 1, "studios", 1, "teams", 1, "members", 3, "yuziyuan", 2));
		var root = tree.roots().get(0);
		assertThat(List.of(root.members(), root.yuziyuan())).containsExactly(0, 0);
		var studioNode = root.children().get(0);
		assertThat(List.of(studioNode.members(), studioNode.yuziyuan())).containsExactly(1, 1);
		var teamNode = studioNode.children().get(0);
		assertThat(List.of(teamNode.members(), teamNode.yuziyuan())).containsExactly(3, 2);

		as(STAFF, () -> registration.merge(team.getId(), registration.get(team.getId()).getVersion(),
				new MergeForm("2024-03-01", "并入工作室", registration.get(team.getId()).getVersion())));
		assertThat(as(STAFF, () -> network.tree(township)).asMap())
			.isEqualTo(Map.of("centres", 1, "studios", 1, "teams", 0, "members", 1, "yuziyuan", 1));
	}

	/** A township of its own, so that other tests' units do not count in the tree. */
	private String newTownship() {
		return TestRegions.township(jdbc, COUNTY, "计数测试乡");
	}

	private CampaignUnit create(UnitForms form) {
		return as(STAFF, () -> registration.create(form.form()));
	}

	private Map<String, String> refused(UnitForms form) {
		try {
			as(STAFF, () -> registration.create(form.form()));
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("registered although it breaks a rule");
	}

	private Map<String, String> refusedEdit(CampaignUnit unit, UnitForms form) {
		var current = as(STAFF, () -> registration.get(unit.getId()));
		try {
			as(STAFF, () -> registration.update(unit.getId(), current.getVersion(), form.version(current.getVersion()).form()));
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("edited although it breaks a rule");
	}

	private Map<String, String> refusedMerge(CampaignUnit unit, String on) {
		var current = as(STAFF, () -> registration.get(unit.getId()));
		try {
			as(STAFF, () -> registration.merge(unit.getId(), current.getVersion(), new MergeForm(on, "撤并测试", current.getVersion())));
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		throw new AssertionError("merged although it breaks a rule");
	}

	private CampaignUnit merge(CampaignUnit unit, String on, String reason) {
		var current = as(STAFF, () -> registration.get(unit.getId()));
		return as(STAFF, () -> registration.merge(unit.getId(), current.getVersion(), new MergeForm(on, reason, current.getVersion())));
	}

	private String state(CampaignUnit unit) {
		return jdbc.queryForObject("select state from campaign_unit where id = ?", String.class, unit.getId());
	}

	private UnitMembership join(CampaignUnit unit, long cadre, MemberRole role, String on) {
		return as(ADMIN, () -> members.add(unit.getId(), new MemberForm(cadre, role, on, SubmissionTokens.fresh())));
	}

	private UnitMembership leave(CampaignUnit unit, UnitMembership membership, String on, String reason) {
		return as(STAFF, () -> members.leave(unit.getId(), new LeaveForm(membership.getId(), on, reason, membership.getVersion())));
	}

	private List<String> history(long unitId) {
		return jdbc.queryForList("select action from unit_event where unit_id = ? order by at desc, id desc", String.class, unitId);
	}

	private <T> T as(String username, Supplier<T> action) {
		return UnitFixtures.as(users, username, action);
	}

}
