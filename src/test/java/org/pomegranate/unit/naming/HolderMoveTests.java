package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.COUNTY_STAFF;
import static org.pomegranate.unit.naming.NamingFixtures.OTHER_COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_SUPERVISOR;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.household.HouseholdForm;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.household.HouseholdTransfers;
import org.pomegranate.pairing.household.TransferRequestedException;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.network.MergeForm;
import org.pomegranate.unit.network.UnitForm;
import org.pomegranate.unit.network.UnitKind;
import org.pomegranate.unit.network.UnitRegistration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A title lies where its holder lies: a unit moved to another region, a household moved by an
 * approved transfer or an edit of its village, takes its titles and their open re-checks along,
 * each with a line in the title's history, and a pending application goes to the issuing region
 * of the new place. A merged (已撤并) unit keeps its live titles, flagged 待核查 for their issuers.
 */
@IntegrationTest
class HolderMoveTests {

	@Autowired
	NamingService namings;

	@Autowired
	RecheckService rechecks;

	@Autowired
	UnitRegistration units;

	@Autowired
	HouseholdService households;

	@Autowired
	HouseholdTransfers transfers;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void aUnitMovedToAnotherCountyTakesItsTitlesAndReChecksAlong() {
		var from = NamingFixtures.freshTownship(jdbc, "513201");
		var to = NamingFixtures.freshTownship(jdbc, "513221");
		signIn(users, PREFECTURE_ADMIN);
		var unit = units.create(unitForm("迁移测试机关", from, 0, UUID.randomUUID()));
		var holder = "U:" + unit.getId();
		var today = namings.today();
		var county = NamingFixtures.named(namings, users, COUNTY_ADMIN, holder, NamingFixtures.title(), NamingLevel.COUNTY, today);
		var prefecture = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, holder, NamingFixtures.title(),
				NamingLevel.PREFECTURE, today);
		signIn(users, PREFECTURE_SUPERVISOR);
		var recheck = rechecks.start(prefecture.getId(), new RecheckForm(RecheckKind.AD_HOC, today.toString(), null,
				prefecture.getVersion()));
		signIn(users, COUNTY_ADMIN);
		var pending = namings.file(NamingFixtures.application(holder, NamingFixtures.title(), NamingLevel.COUNTY, null));
		assertThat(pending.getIssuerRegionCode()).isEqualTo("513201");

		signIn(users, PREFECTURE_ADMIN);
		var moved = units.get(unit.getId());
		units.update(unit.getId(), moved.getVersion(), unitForm(moved.getName(), to, moved.getVersion(), null));

		for (var title : List.of(county, prefecture, pending)) {
			assertThat(jdbc.queryForObject("select holder_region_code from naming where id = ?", String.class, title.getId()))
				.isEqualTo(to);
			var last = namings.history(title.getId()).get(namings.history(title.getId()).size() - 1);
			assertThat(last.getAction().name()).isEqualTo("MOVE");
			assertThat(last.getFromState()).isEqualTo(last.getToState());
			assertThat(last.getNote()).contains(regionName(from), regionName(to));
		}
		assertThat(jdbc.queryForObject("select region_code from naming_recheck where id = ?", String.class, recheck.getId()))
			.isEqualTo(to);
		// The pending application now goes to the county the unit lies in; a title once named stays its issuer's.
		assertThat(jdbc.queryForObject("select issuer_region_code from naming where id = ?", String.class, pending.getId()))
			.isEqualTo("513221");
		assertThat(jdbc.queryForObject("select issuer_region_code from naming where id = ?", String.class, county.getId()))
			.isEqualTo("513201");
		// Held where the unit is: the new county sees the titles, the old one no longer does.
		signIn(users, OTHER_COUNTY_ADMIN);
		assertThat(namings.get(prefecture.getId()).getHolderRegionCode()).isEqualTo(to);
		assertThat(namings.search(new NamingQuery(null, HolderKind.UNIT, null, null, null, to, null),
				PageRequest.of(0, 50)).getContent()).extracting(Naming::getId)
			.contains(county.getId(), prefecture.getId(), pending.getId());
		signIn(users, COUNTY_ADMIN);
		assertThatThrownBy(() -> namings.get(prefecture.getId())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aHouseholdsTitleFollowsItsVillageEditedOrItsTransferApproved() {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		var first = village(township, "001");
		var second = village(township, "002");
		var elsewhere = village(NamingFixtures.freshTownship(jdbc, "513221"), "001");
		var idNumber = IdNumber.withCheckCharacter("513201" + "1980" + String.format("%02d%02d", 1 + ThreadLocalRandom.current()
			.nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28)) + township.substring(6));
		signIn(users, COUNTY_STAFF);
		var household = households.create(householdForm("迁移测试户", idNumber, first, 0L, UUID.randomUUID()));
		var title = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "H:" + household.getId(), NamingFixtures.title(),
				NamingLevel.PREFECTURE, namings.today());

		// Staff of the county correct the household's village.
		signIn(users, COUNTY_STAFF);
		var current = households.get(household.getId());
		households.update(household.getId(), current.getVersion(), householdForm(current.getHeadName(), "", second,
				current.getVersion(), null));
		assertThat(holderRegion(title.getId())).isEqualTo(second);

		// Registered again in another county, it moves there once the prefecture approves.
		signIn(users, OTHER_COUNTY_ADMIN);
		assertThatThrownBy(() -> households.create(householdForm("迁移测试户", idNumber, elsewhere, 0L, UUID.randomUUID())))
			.isInstanceOf(TransferRequestedException.class);
		signIn(users, PREFECTURE_ADMIN);
		var request = transfers.open().stream().filter(t -> t.getHouseholdId().equals(household.getId())).findFirst().orElseThrow();
		transfers.approve(request.getId(), request.getVersion(), "迁往他县");
		assertThat(holderRegion(title.getId())).isEqualTo(elsewhere);
		assertThat(namings.history(title.getId())).extracting(event -> event.getAction().name())
			.containsExactly("FILE", "NAME", "MOVE", "MOVE");
		signIn(users, OTHER_COUNTY_ADMIN);
		assertThat(namings.get(title.getId()).getState()).isEqualTo(NamingState.VALID);
	}

	@Test
	void aMergedUnitKeepsItsLiveTitlesFlaggedForTheirIssuersAndItsApplicationsEnd() {
		var township = NamingFixtures.freshTownship(jdbc, "513201");
		signIn(users, PREFECTURE_ADMIN);
		var unit = units.create(unitForm("撤并测试机关", township, 0, UUID.randomUUID()));
		var title = NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "U:" + unit.getId(), NamingFixtures.title(),
				NamingLevel.PREFECTURE, namings.today());
		var pending = namings.file(NamingFixtures.application("U:" + unit.getId(), NamingFixtures.title(),
				NamingLevel.COUNTY, null));
		var merged = units.get(unit.getId());
		units.merge(unit.getId(), merged.getVersion(), new MergeForm(namings.today().toString(), "机构改革并入他局",
				merged.getVersion()));

		var kept = namings.get(title.getId());
		assertThat(kept.getState()).as("a title belongs to its holder: not revoked by the merge").isEqualTo(NamingState.VALID);
		assertThat(kept.getReviewFlaggedOn()).isEqualTo(namings.today());
		var last = namings.history(title.getId()).get(2);
		assertThat(last.getAction()).isEqualTo(NamingAction.FLAG);
		assertThat(last.getNote()).contains("撤并", "机构改革并入他局");
		assertThat(namings.allowedActions(kept)).contains(NamingAction.CLEAR_FLAG, NamingAction.REVOKE);

		var ended = namings.get(pending.getId());
		assertThat(ended.getState()).as("nobody can name a unit that is gone").isEqualTo(NamingState.NOT_NAMED);
		var withdrawal = namings.history(pending.getId()).get(1);
		assertThat(withdrawal.getAction()).isEqualTo(NamingAction.WITHDRAW);
		assertThat(withdrawal.getNote()).isEqualTo("申报单位已于 " + namings.today() + " 撤并（机构改革并入他局），申报终止。");
		assertThat(namings.allowedActions(ended)).isEmpty();
	}

	private static UnitForm unitForm(String name, String region, long version, UUID submission) {
		return new UnitForm(name, UnitKind.AGENCY, region, null, "", "测试路 1 号", "测试负责人", "", "2020-01-01", version,
				submission);
	}

	private static HouseholdForm householdForm(String head, String idNumber, String village, long version, UUID submission) {
		return new HouseholdForm(head, idNumber, "04", "", village, "1号", "3", List.of(), null, version, submission);
	}

	private String village(String township, String number) {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, 'VILLAGE', ?)", township + number,
				"迁移测试村" + number, township);
		return township + number;
	}

	private String holderRegion(long naming) {
		return jdbc.queryForObject("select holder_region_code from naming where id = ?", String.class, naming);
	}

	private String regionName(String code) {
		return jdbc.queryForObject("select name from region where code = ?", String.class, code);
	}

}
