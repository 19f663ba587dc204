package org.pomegranate.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.activity.ActivityForms.activity;
import static org.pomegranate.activity.ledger.ActivityKind.EXCHANGE;
import static org.pomegranate.activity.ledger.ActivityKind.FESTIVAL;
import static org.pomegranate.activity.ledger.ActivityKind.PUBLICITY;
import static org.pomegranate.activity.ledger.ActivityKind.QUIZ;
import static org.pomegranate.activity.ledger.ActivityKind.SEMINAR;
import static org.pomegranate.activity.ledger.ActivityKind.TRAINING;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.activity.ledger.Activity;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.activity.ledger.ActivityLedger;
import org.pomegranate.activity.ledger.ActivityQuery;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The activity figures of a test prefecture against counts worked out by hand from eight activities,
 * through {@link ActivityFigures} and the {@link ActivityFigureSource} the dashboards read, for a
 * quarter (whole months, from the tally), a range of days (the tally's months and the rows' days)
 * and per region below; each figure equal to the list behind it (its sessions the list's total, its
 * participants the sum of the list's rows), the tally equal to the rows after an edit.
 */
@IntegrationTest
class ActivityFiguresTests {

	static final ActivityFixtures PLACES = new ActivityFixtures("5197");

	private static final Period Q1 = Period.quarter(2025, 1);

	@Autowired
	ActivityLedger ledger;

	@Autowired
	ActivityFigures figures;

	@Autowired
	ActivityFigureSource source;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void figuresOfAQuarterARangeAndTheRegionsBelowAreTheHandCountedOnesAndTheListsBehindThem() {
		PLACES.create(jdbc);
		var a = PLACES.county();
		var t1 = PLACES.township();
		var v1 = PLACES.village();
		record(activity(PUBLICITY, "一乡宣讲一", t1).on(day(1, 10)).participants(10));
		record(activity(PUBLICITY, "一乡宣讲二", t1).on(day(2, 5)).participants(20));
		record(activity(PUBLICITY, "村宣讲", v1).on(day(3, 15)).participants(30));
		record(activity(EXCHANGE, "赴杭州交流", v1).on(day(2, 10)).until(day(2, 16)).destination("杭州").participants(60));
		record(activity(QUIZ, "二乡竞答", PLACES.secondTownship()).on(day(3, 31)).participants(500));
		record(activity(TRAINING, "县本级培训", a).on(day(1, 31)).participants(40));
		var moved = record(activity(PUBLICITY, "乙县宣讲", PLACES.otherTownship()).on(day(1, 20)).participants(25));
		record(activity(FESTIVAL, "乙县节庆", PLACES.otherTownship()).on(day(4, 1)).participants(100));

		var quarter = read(() -> figures.of(PLACES.prefecture(), Q1.from(), Q1.to()));
		assertThat(List.of(quarter.sessions(), quarter.publicitySessions(), quarter.participants(),
				quarter.exchangeParticipants())).as("sessions, publicity, participants, exchange").containsExactly(7L, 4L, 685L, 60L);
		assertThat(quarter.sessions(QUIZ)).isEqualTo(1);
		assertThat(quarter.sessions(FESTIVAL)).as("1 April lies in the second quarter").isZero();

		var range = read(() -> figures.of(PLACES.prefecture(), day(1, 15), day(3, 15)));
		assertThat(List.of(range.sessions(), range.publicitySessions(), range.participants(), range.exchangeParticipants()))
			.as("February from the tally, 15–31 January and 1–15 March from the rows").containsExactly(5L, 3L, 175L, 60L);

		var below = read(() -> figures.byRegionBelow(PLACES.prefecture(), Q1.from(), Q1.to()));
		assertThat(below.keySet()).containsExactly(a, PLACES.otherCounty());
		assertThat(counts(below.get(a))).containsExactly(6L, 3L, 660L);
		assertThat(counts(below.get(PLACES.otherCounty()))).containsExactly(1L, 1L, 25L);
		var countyRows = read(() -> figures.of(a, Q1.from(), Q1.to()));
		assertThat(counts(countyRows)).as("the county counted from its rows, as the prefecture's tally has it")
			.isEqualTo(counts(below.get(a)));
		var townships = read(() -> figures.byRegionBelow(a, Q1.from(), Q1.to()));
		assertThat(townships.keySet()).as("the county's own training is its own row (本级)")
			.containsExactly(a, t1, PLACES.secondTownship());
		assertThat(counts(townships.get(t1))).containsExactly(4L, 3L, 120L);
		assertThat(counts(townships.get(PLACES.secondTownship()))).containsExactly(1L, 0L, 500L);
		assertThat(counts(townships.get(a))).containsExactly(1L, 0L, 40L);

		for (var region : List.of(PLACES.prefecture(), a, t1, PLACES.otherCounty())) {
			var counted = read(() -> figures.of(region, Q1.from(), Q1.to()));
			assertThat(list(region, null, Q1)).as("the list behind " + region).containsExactly(counted.sessions(),
					counted.participants());
			for (var kind : ActivityKind.values()) {
				assertThat(list(region, kind, Q1)).as("the list behind " + kind + " of " + region)
					.containsExactly(counted.sessions(kind), counted.participants(kind));
			}
		}

		var today = LocalDate.now();
		var tiles = read(() -> source.figures(new FigureQuery(PLACES.prefecture(), Q1, null, false, today)));
		assertThat(values(tiles)).containsExactly(Map.entry("figure.activities.sessions", 7L),
				Map.entry("figure.activities.publicity", 4L), Map.entry("figure.activities.participants", 685L),
				Map.entry("figure.activities.exchangeParticipants", 60L));
		var ranking = read(() -> source.byChildRegion(new FigureQuery(PLACES.prefecture(), Q1, null, false, today)));
		assertThat(values(ranking.get(a))).containsEntry("figure.activities.sessions", 6L);
		var townshipRanking = read(() -> source.byChildRegion(new FigureQuery(a, Q1, null, false, today)));
		assertThat(townshipRanking.keySet()).as("the ranking ranks regions below only, not the county's own row")
			.containsExactly(t1, PLACES.secondTownship());
		// Its parts are named in the user's language, as a request would set it.
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var pie = read(() -> source.breakdown(PLACES.prefecture(), Q1)).orElseThrow();
		LocaleContextHolder.resetLocaleContext();
		assertThat(pie.parts()).extracting(part -> part.name() + " " + part.value())
			.containsExactly("宣传宣讲 4", "知识竞答 1", "培训 1", "交往交流交融 1");

		// Moved to the first county as a seminar with more people: the tally follows the edit.
		var current = ActivityFixtures.as(users, PLACES.admin(), () -> ledger.get(moved.getId()));
		ActivityFixtures.as(users, PLACES.admin(), () -> ledger.update(moved.getId(), current.getVersion(),
				activity(SEMINAR, "移到一乡的座谈", t1).on(day(1, 20)).participants(35).version(current.getVersion()).form(),
				List.of(), List.of()));
		var after = read(() -> figures.of(PLACES.prefecture(), Q1.from(), Q1.to()));
		assertThat(List.of(after.sessions(), after.publicitySessions(), after.participants())).containsExactly(7L, 3L, 695L);
		var belowAfter = read(() -> figures.byRegionBelow(PLACES.prefecture(), Q1.from(), Q1.to()));
		assertThat(counts(belowAfter.get(a))).containsExactly(7L, 3L, 695L);
		assertThat(belowAfter.get(PLACES.otherCounty()).sessions()).isZero();
		assertThat(tally()).as("the tally, row by row, as the activities count").isEqualTo(recount());
	}

	@Test
	void figuresOutsideTheUsersRegionAreRefusedAsAMissingRegion() {
		PLACES.create(jdbc);
		assertThatThrownBy(() -> ActivityFixtures.as(users, PLACES.staff(),
				() -> figures.of(PLACES.prefecture(), Q1.from(), Q1.to()))).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ActivityFixtures.as(users, PLACES.staff(),
				() -> figures.of(PLACES.otherCounty(), Q1.from(), Q1.to()))).isInstanceOf(RecordNotFoundException.class);
	}

	/** The list a figure links to, walked page by page as a user would: its total and the sum of its participants. */
	private List<Long> list(String region, @Nullable ActivityKind kind, Period period) {
		return read(() -> {
			var query = new ActivityQuery(null, kind, region, period.from().toString(), period.to().toString());
			long participants = 0;
			long total = -1;
			for (int page = 0;; page++) {
				var found = ledger.search(query, PageRequest.of(page, 3));
				total = found.getTotalElements();
				participants += found.getContent().stream().mapToLong(Activity::getParticipants).sum();
				if (!found.hasNext()) {
					break;
				}
			}
			return List.of(total, participants);
		});
	}

	private List<Map<String, Object>> tally() {
		return jdbc.queryForList("""
				select county_code, started_month, kind, sessions, participants from activity_tally
				where county_code like ? and sessions <> 0 order by 1, 2, 3""", PLACES.prefecture() + "%");
	}

	private List<Map<String, Object>> recount() {
		return jdbc.queryForList("""
				select left(region_code, 6) as county_code, date_trunc('month', started_on)::date as started_month, kind,
				       count(*) as sessions, sum(participants) as participants
				from activity where region_code like ? group by 1, 2, 3 order by 1, 2, 3""", PLACES.prefecture() + "%");
	}

	private Activity record(ActivityForms form) {
		return ActivityFixtures.as(users, PLACES.admin(), () -> ledger.create(form.form(), List.of(), List.of()));
	}

	private <T> T read(Supplier<T> action) {
		return ActivityFixtures.as(users, PLACES.supervisor(), action);
	}

	private static List<Long> counts(ActivityCounts counts) {
		return List.of(counts.sessions(), counts.publicitySessions(), counts.participants());
	}

	private static Map<String, Long> values(List<KeyFigure> figures) {
		var values = new LinkedHashMap<String, Long>();
		figures.forEach(figure -> values.put(figure.key(), figure.value() == null ? null : figure.value().longValue()));
		return values;
	}

	private static LocalDate day(int month, int day) {
		return LocalDate.of(2025, month, day);
	}

}
