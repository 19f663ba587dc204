package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pomegranate.account.Role;

/**
 * Five years from the naming day, the day before the same date five years on: 29 February both
 * ways, a title held on its last day and not on the next, a renewal named on the last day leaving
 * no day unheld, and a draw that repeats from its seed.
 */
class ValidityTests {

	@Test
	void fiveYearsEndTheDayBeforeTheSameDate() {
		assertThat(Validity.until(LocalDate.of(2021, 6, 15), 5)).isEqualTo(LocalDate.of(2026, 6, 14));
		assertThat(Validity.until(LocalDate.of(2021, 1, 1), 5)).isEqualTo(LocalDate.of(2025, 12, 31));
		assertThat(Validity.until(LocalDate.of(2021, 6, 15), 3)).isEqualTo(LocalDate.of(2024, 6, 14));
	}

	@Test
	void namedOnThe29thOfFebruaryRunsToTheEndOfFebruary() {
		// 2029 has no 29 February: the anniversary is 1 March, the last day 28 February.
		assertThat(Validity.until(LocalDate.of(2024, 2, 29), 5)).isEqualTo(LocalDate.of(2029, 2, 28));
		// Four years on there is a 29 February again: the last day is the 28th.
		assertThat(Validity.until(LocalDate.of(2024, 2, 29), 4)).isEqualTo(LocalDate.of(2028, 2, 28));
	}

	@Test
	void namedOnThe1stOfMarchRunsTo29FebruaryInALeapYear() {
		assertThat(Validity.until(LocalDate.of(2023, 3, 1), 5)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(Validity.until(LocalDate.of(2024, 3, 1), 5)).isEqualTo(LocalDate.of(2029, 2, 28));
	}

	@Test
	void aTitleIsHeldOnItsLastDayAndExpiredTheDayAfter() {
		var naming = named(LocalDate.of(2024, 2, 29));
		assertThat(naming.getValidUntil()).isEqualTo(LocalDate.of(2029, 2, 28));
		assertThat(naming.isLiveOn(LocalDate.of(2029, 2, 28))).isTrue();
		assertThat(naming.stateOn(LocalDate.of(2029, 2, 28))).isEqualTo(NamingState.VALID);
		assertThat(naming.isLiveOn(LocalDate.of(2029, 3, 1))).isFalse();
		assertThat(naming.stateOn(LocalDate.of(2029, 3, 1))).isEqualTo(NamingState.EXPIRED);
		assertThat(naming.isLiveOn(LocalDate.of(2024, 2, 28))).as("before it was named").isFalse();
	}

	@Test
	void aRenewalNamedOnTheLastDayLeavesNoGap() {
		var old = named(LocalDate.of(2021, 6, 15));
		var lastDay = old.getValidUntil();
		var renewal = new Naming(old.holder(), old.getTitle(), old.getLevel(), old.getIssuerRegionCode(), lastDay.minusMonths(2),
				null, 1L, "test");
		renewal.name(admin(lastDay), "阿民宗〔2026〕5号", lastDay, 5, null, "ABCDEFGHJKMP");
		var ended = old.renewedBy(renewal.getDecisionNumber(), lastDay, "test");
		assertThat(ended).isNotNull();
		assertThat(old.getState()).isEqualTo(NamingState.RENEWED);
		assertThat(renewal.getValidUntil()).isEqualTo(LocalDate.of(2031, 6, 13));
		// Every day is held: by the old title up to its last day, by the renewal from that day on.
		for (var day = old.getNamedOn(); !day.isAfter(renewal.getValidUntil()); day = day.plusDays(1)) {
			boolean heldByOld = !day.isAfter(old.getValidUntil());
			assertThat(heldByOld || renewal.isLiveOn(day)).as("held on " + day).isTrue();
		}
		assertThat(renewal.isLiveOn(lastDay)).isTrue();
		assertThat(renewal.isLiveOn(lastDay.minusDays(1))).as("the renewal starts on its naming day").isFalse();
	}

	@Test
	void aRenewalNamedAfterTheLastDayFindsTheOldTitleExpired() {
		var old = named(LocalDate.of(2021, 6, 15));
		var renewal = new Naming(old.holder(), old.getTitle(), old.getLevel(), old.getIssuerRegionCode(),
				LocalDate.of(2026, 5, 1), null, 1L, "test");
		var ended = old.renewedBy("阿民宗〔2026〕6号", old.getValidUntil().plusDays(1), "test");
		assertThat(ended).isNotNull();
		assertThat(ended.getAction()).isEqualTo(NamingAction.EXPIRE);
		assertThat(old.getState()).isEqualTo(NamingState.EXPIRED);
	}

	@Test
	void theSameSeedDrawsTheSameTitlesAndAnotherSeedOthers() {
		var population = new ArrayList<Long>();
		for (long id = 1000; id < 1200; id++) {
			population.add(id);
		}
		var drawn = NamingDraw.select(population, 20260615L, 10);
		assertThat(drawn).hasSize(20).doesNotHaveDuplicates().allMatch(population::contains);
		// The population's order as given does not matter: it is taken in id order.
		var shuffled = new ArrayList<>(population);
		java.util.Collections.reverse(shuffled);
		assertThat(NamingDraw.select(shuffled, 20260615L, 10)).isEqualTo(drawn);
		assertThat(NamingDraw.select(population, 20260616L, 10)).isNotEqualTo(drawn);
		// ⌈n × share / 100⌉: 7 % of 200 is 14; 1 % of 5 rounds up to 1; 100 % draws everything.
		assertThat(NamingDraw.select(population, 1L, 7)).hasSize(14);
		assertThat(NamingDraw.select(List.of(1L, 2L, 3L, 4L, 5L), 1L, 1)).hasSize(1);
		assertThat(NamingDraw.select(population, 1L, 100)).containsExactlyInAnyOrderElementsOf(population);
	}

	@Test
	void aStoredDrawRecomputesItsTitles() {
		var population = List.of(31L, 7L, 99L, 15L, 42L, 8L, 64L, 23L, 77L, 50L);
		var draw = new NamingDraw("5132", 30, 987654321L, population, LocalDate.of(2026, 6, 15), "test");
		assertThat(draw.getPopulation()).isEqualTo(10);
		assertThat(draw.getDrawn()).isEqualTo(3);
		assertThat(draw.populationIds()).containsExactly(7L, 8L, 15L, 23L, 31L, 42L, 50L, 64L, 77L, 99L);
		assertThat(draw.recompute()).isEqualTo(NamingDraw.select(population, 987654321L, 30)).hasSize(3);
	}

	private static Naming named(LocalDate namedOn) {
		var naming = new Naming(new Holder(HolderKind.REGION, "513201100", null, null, "马尔康镇"), "民族团结进步示范乡镇",
				NamingLevel.PREFECTURE, "5132", namedOn.minusMonths(1), null, null, "test");
		naming.name(admin(namedOn), "阿民宗〔2024〕1号", namedOn, 5, null, "ABCDEFGHJKMN");
		return naming;
	}

	private static Actor admin(LocalDate today) {
		return new Actor("admin", Role.ADMIN, "5132", today);
	}

}
