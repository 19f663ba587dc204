package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.unit.naming.NamingFixtures.DRAW_COUNTY_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.DRAW_COUNTY_SUPERVISOR;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.HashSet;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.unit.naming.NamingForms.DrawForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * 回访抽查: a supervisor of 513228 (a county only this test names titles in) draws a share
 * of the valid titles the county named; the seed and the population are stored, each drawn title
 * gets a spot re-check and is under re-check, and the draw repeats from its seed.
 */
@IntegrationTest
class DrawTests {

	@Autowired
	NamingService namings;

	@Autowired
	RecheckService rechecks;

	@Autowired
	NamingRepository repository;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
		NamingFixtures.signIn(users, NamingFixtures.PREFECTURE_ADMIN);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void aDrawChoosesItsShareAndRepeatsFromItsSeed() throws Exception {
		var today = namings.today();
		for (int i = 0; i < 12; i++) {
			var township = NamingFixtures.freshTownship(jdbc, "513228");
			NamingFixtures.named(namings, users, DRAW_COUNTY_ADMIN, "R:" + township, "县级示范乡镇", NamingLevel.COUNTY, today);
		}
		var population = repository.findValidIssuedBy("513228", today);
		assertThat(population).hasSizeGreaterThanOrEqualTo(12);

		signIn(users, DRAW_COUNTY_SUPERVISOR);
		var draw = rechecks.drawNow(new DrawForm(UUID.randomUUID(), "513228", 25, today.plusDays(30).toString()));
		int expected = (int) Math.ceil(population.size() * 25 / 100.0);
		assertThat(draw.getPopulation()).isEqualTo(population.size());
		assertThat(draw.getDrawn()).isEqualTo(expected);
		assertThat(draw.populationIds()).isEqualTo(population);

		var drawn = rechecks.drawnTitles(draw);
		assertThat(drawn).hasSize(expected);
		for (var title : drawn) {
			assertThat(title.recheck().getKind()).isEqualTo(RecheckKind.SPOT);
			assertThat(title.recheck().getPlannedOn()).isEqualTo(today.plusDays(30));
			assertThat(title.naming().getState()).isEqualTo(NamingState.UNDER_RECHECK);
		}
		// The same seed over the same population gives the same titles; other seeds give others.
		var drawnIds = drawn.stream().map(t -> t.naming().getId()).toList();
		assertThat(NamingDraw.select(population, draw.getSeed(), 25)).isEqualTo(drawnIds);
		var others = new HashSet<Object>();
		for (long seed = 1; seed <= 5; seed++) {
			others.add(NamingDraw.select(population, draw.getSeed() + seed, 25));
		}
		assertThat(others).as("five other seeds").isNotEmpty().anyMatch(other -> !other.equals(drawnIds));
		assertThat(rechecks.recompute(draw).same()).isTrue();

		// The draw page repeats it for anyone who asks.
		var page = mvc.perform(get("/naming-draws/{id}", draw.getId()).param("recompute", "true")
			.with(user(users.loadUserByUsername(DRAW_COUNTY_SUPERVISOR)))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("复算结果与抽取结果一致：同样的 " + expected + " 个命名")
			.contains(String.valueOf(draw.getSeed()));

		// A second draw the same day finds only the titles not under re-check.
		signIn(users, DRAW_COUNTY_SUPERVISOR);
		var second = rechecks.drawNow(new DrawForm(UUID.randomUUID(), "513228", 100, today.plusDays(30).toString()));
		assertThat(second.getPopulation()).isEqualTo(population.size() - expected);
		assertThat(second.populationIds()).doesNotContainAnyElementsOf(drawnIds);
	}

	@Test
	void aRegionThatNamesNothingCannotDraw() {
		signIn(users, NamingFixtures.COUNTY_STAFF);
		assertThat(rechecks.mayDrawIn("513201100")).isFalse();
		assertThat(rechecks.mayDrawIn("513201")).isTrue();
		assertThat(rechecks.mayDrawIn("513221")).as("outside the user's region").isFalse();
	}

}
