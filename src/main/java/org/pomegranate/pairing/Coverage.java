package org.pomegranate.pairing;

import org.pomegranate.pairing.cadre.CadreLevel;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingProgram;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.EnumBits;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage of a program (覆盖情况) for a region and each region below it: target households,
 * paired, unpaired, coverage, overdue, and cadres below or above their quota, today or as of a
 * past day; dashboards and the monthly report read the same figures from here.
 * <p>
 * A county and below is counted from the rows themselves. A province or prefecture sums the
 * per-county tallies that triggers keep exact in the same transaction as each change (see
 * {@code db/TALLIES.md}): the same numbers, from thousands of rows instead of millions.
 * <p>
 * One repeatable-read snapshot per call, so that its figures agree with each other while
 * others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Coverage {

	/** The households a program targets (its coverage's whole), as of today; also what {@link #records} lists. */
	private static final String TARGETED = """
			from household h
			where h.region_code like :prefix and h.region_code like :programPrefix and h.categories & :categories <> 0
			""";

	/** The pairings of a program running today (its coverage's part). */
	private static final String PAIRED = """
			from pairing p
			where p.program_id = :program and p.ended_on is null and p.region_code like :prefix
			  and p.region_code like :programPrefix
			  and p.household_categories & :categories <> 0
			""";

	/** A running pairing with no contact in the program's interval. */
	private static final String OVERDUE = "coalesce(p.last_visit_on, p.started_on) < :cutoff";

	private static final String HOUSEHOLDS = "select substr(h.region_code, 1, :childLength) as child, count(*) as target\n"
			+ TARGETED + "group by 1\n";

	private static final String PAIRINGS = "select substr(p.region_code, 1, :childLength) as child, count(*) as paired,\n"
			+ "count(*) filter (where " + OVERDUE + ") as overdue\n" + PAIRED + "group by 1\n";

	private static final String CADRES = """
			select substr(c.region_code, 1, :childLength) as child,
			       count(*) filter (where coalesce(held.households, 0) < :min) as below,
			       count(*) filter (where coalesce(held.households, 0) > :max) as above
			from cadre c
			left join lateral (select count(*) as households from pairing p
			                   where p.cadre_id = c.id and p.program_id = :program and p.ended_on is null) held on true
			where c.region_code like :prefix and c.region_code like :programPrefix and c.left_on is null
			  and c.level in (:levels)
			group by 1
			""";

	private static final String TALLIED_HOUSEHOLDS = """
			select substr(county_code, 1, :childLength) as child, sum(households) as target
			from household_tally
			where county_code like :prefix and county_code like :programPrefix and categories & :categories <> 0
			group by 1
			""";

	/** Overdue = paired minus those contacted since the cutoff: only the recent days are read. */
	private static final String TALLIED_PAIRINGS = """
			select child, sum(paired) as paired, sum(paired) - sum(recent) as overdue
			from (select substr(county_code, 1, :childLength) as child, pairings as paired, 0 as recent
			      from pairing_tally
			      where program_id = :program and county_code like :prefix and county_code like :programPrefix
			      union all
			      select substr(county_code, 1, :childLength), 0, pairings
			      from pairing_contact_tally
			      where program_id = :program and contact_on >= :cutoff
			        and county_code like :prefix and county_code like :programPrefix) counts
			group by 1
			""";

	/** Cadres holding nothing are all active cadres minus those with a load. */
	private static final String TALLIED_CADRES = """
			select child,
			       case when :min > 0 then sum(active) - sum(loaded) else 0 end + coalesce(sum(loaded) filter (where households < :min), 0) as below,
			       coalesce(sum(loaded) filter (where households > :max), 0) as above
			from (select substr(county_code, 1, :childLength) as child, cadres as active, 0 as loaded, 0 as households
			      from cadre_count
			      where county_code like :prefix and county_code like :programPrefix and level in (:levels)
			      union all
			      select substr(county_code, 1, :childLength), 0, cadres, households
			      from cadre_tally
			      where program_id = :program and county_code like :prefix and county_code like :programPrefix
			        and level in (:levels)) counts
			group by 1
			""";

	/**
	 * As of a past day, from the rows: a household is counted once it was registered by then or
	 * paired by then (a pairing entered later with its real start); a pairing while it ran
	 * (started that day or before, not ended by then); overdue where no visit came in the
	 * interval before that day; a cadre who had not left. The households' categories and
	 * villages are today's: their history is not kept.
	 */
	private static final String AS_OF_TARGETED = """
			from household h
			where h.region_code like :prefix and h.region_code like :programPrefix and h.categories & :categories <> 0
			  and (h.created_at < :until
			       or exists (select 1 from pairing p where p.household_id = h.id and p.started_on <= :day))
			""";

	private static final String AS_OF_PAIRED = """
			from pairing p
			where p.program_id = :program and p.started_on <= :day and (p.ended_on is null or p.ended_on > :day)
			  and p.region_code like :prefix and p.region_code like :programPrefix
			  and p.household_categories & :categories <> 0
			""";

	private static final String AS_OF_OVERDUE = """
			p.started_on < :cutoff
			and not exists (select 1 from visit v where v.pairing_id = p.id and v.visited_on between :cutoff and :day)""";

	private static final String AS_OF_HOUSEHOLDS = "select substr(h.region_code, 1, :childLength) as child,\n"
			+ "count(*) as target\n" + AS_OF_TARGETED + "group by 1\n";

	private static final String AS_OF_PAIRINGS = "select substr(p.region_code, 1, :childLength) as child,\n"
			+ "count(*) as paired, count(*) filter (where " + AS_OF_OVERDUE + ") as overdue\n" + AS_OF_PAIRED + "group by 1\n";

	private static final String AS_OF_CADRES = """
			select substr(c.region_code, 1, :childLength) as child,
			       count(*) filter (where coalesce(held.households, 0) < :min) as below,
			       count(*) filter (where coalesce(held.households, 0) > :max) as above
			from cadre c
			left join lateral (select count(*) as households from pairing p
			                   where p.cadre_id = c.id and p.program_id = :program and p.started_on <= :day
			                     and (p.ended_on is null or p.ended_on > :day)) held on true
			where c.region_code like :prefix and c.region_code like :programPrefix
			  and (c.left_on is null or c.left_on > :day)
			  and (c.created_at < :until or exists (select 1 from pairing p where p.cadre_id = c.id and p.started_on <= :day))
			  and c.level in (:levels)
			group by 1
			""";

	private static final Queries ROWS = new Queries(HOUSEHOLDS, PAIRINGS, CADRES);

	private static final Queries TALLIES = new Queries(TALLIED_HOUSEHOLDS, TALLIED_PAIRINGS, TALLIED_CADRES);

	private static final Queries AS_OF = new Queries(AS_OF_HOUSEHOLDS, AS_OF_PAIRINGS, AS_OF_CADRES);

	private final NamedParameterJdbcTemplate jdbc;

	private final HouseholdService households;

	private final RegionService regions;

	private final Clock clock;

	Coverage(NamedParameterJdbcTemplate jdbc, HouseholdService households, RegionService regions, Clock clock) {
		this.jdbc = jdbc;
		this.households = households;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * The figures of {@code program} for {@code regionCode} (inside the user's scope) and for each
	 * region directly below it.
	 */
	public CoverageReport of(long programId, String regionCode) {
		var program = households.visibleProgram(programId);
		var region = regions.get(regionCode);
		// The tallies are kept per county: a program owned below a county cannot be told apart in them.
		boolean tallied = RegionCode.of(region.getCode()).isAboveCounty()
				&& !RegionCode.of(program.getRegionCode()).isBelow(RegionLevel.COUNTY);
		return count(program, region, tallied);
	}

	/**
	 * The same figures as of the end of {@code day} (in China): today's or a later day's are the
	 * live ones above; a past day's are counted from the rows (the tallies hold only the present).
	 */
	public CoverageReport of(long programId, String regionCode, LocalDate day) {
		var today = ChinaTime.today(clock);
		if (!day.isBefore(today)) {
			return of(programId, regionCode);
		}
		return count(households.visibleProgram(programId), regions.get(regionCode), AS_OF, day);
	}

	/**
	 * The day of the earliest pairing start or visit in the deployment, from which on coverage has
	 * a history; empty without either. Both read the first entry of an index.
	 */
	public Optional<LocalDate> firstDay() {
		return Optional.ofNullable(jdbc.getJdbcTemplate().queryForObject("""
				select least((select min(started_on) from pairing), (select min(visited_on) from visit))
				""", LocalDate.class));
	}

	/** Counts from the tallies or from the rows; the tests hold the two to the same figures. */
	CoverageReport count(PairingProgram program, Region region, boolean tallied) {
		return count(program, region, tallied ? TALLIES : ROWS, ChinaTime.today(clock));
	}

	/**
	 * Which records the figures of {@link #of(long, String, LocalDate)} count for {@code regionCode}
	 * and below: the households targeted (coverage's whole), the households of the running pairings
	 * (its part) and the pairings overdue, in region order. From the rows, with the very conditions
	 * the counts use (the tallies hold the same numbers), today's or, for a past day, as of then.
	 */
	public CoverageRecords records(long programId, String regionCode, LocalDate day) {
		var program = households.visibleProgram(programId);
		var region = regions.get(regionCode);
		boolean past = day.isBefore(ChinaTime.today(clock));
		String targeted = past ? AS_OF_TARGETED : TARGETED;
		String paired = past ? AS_OF_PAIRED : PAIRED;
		String overdue = past ? AS_OF_OVERDUE : OVERDUE;
		var parameters = parameters(program, region, day);
		var targetedHouseholds = jdbc.queryForList("select h.id " + targeted + "order by h.region_code, h.id", parameters,
				Long.class);
		var pairedHouseholds = new ArrayList<Long>();
		var overduePairings = new ArrayList<Long>();
		jdbc.query("select p.id, p.household_id, (" + overdue + ") as overdue " + paired + "order by p.region_code, p.id",
				parameters, row -> {
					pairedHouseholds.add(row.getLong("household_id"));
					if (row.getBoolean("overdue")) {
						overduePairings.add(row.getLong("id"));
					}
				});
		return new CoverageRecords(targetedHouseholds, pairedHouseholds, overduePairings);
	}

	/** The records behind a program's coverage: targeted household ids, paired household ids, overdue pairing ids. */
	public record CoverageRecords(List<Long> targeted, List<Long> paired, List<Long> overdue) {

		public CoverageRecords {
			targeted = List.copyOf(targeted);
			paired = List.copyOf(paired);
			overdue = List.copyOf(overdue);
		}

	}

	private CoverageReport count(PairingProgram program, Region region, Queries queries, LocalDate day) {
		var childLevel = region.getLevel().child();
		var parameters = parameters(program, region, day);

		var counts = new HashMap<String, long[]>();
		jdbc.query(queries.households(), parameters, row -> {
			counts.computeIfAbsent(row.getString("child"), k -> new long[5])[0] = row.getLong("target");
		});
		jdbc.query(queries.pairings(), parameters, row -> {
			var figures = counts.computeIfAbsent(row.getString("child"), k -> new long[5]);
			figures[1] = row.getLong("paired");
			figures[2] = row.getLong("overdue");
		});
		jdbc.query(queries.cadres(), parameters, row -> {
			var figures = counts.computeIfAbsent(row.getString("child"), k -> new long[5]);
			figures[3] = row.getLong("below");
			figures[4] = row.getLong("above");
		});

		var total = new long[5];
		counts.values().forEach(figures -> {
			for (int i = 0; i < total.length; i++) {
				total[i] += figures[i];
			}
		});
		var children = new ArrayList<CoverageReport.Row>();
		if (childLevel != null) {
			for (Region child : regions.children(region.getCode())) {
				children.add(row(child.getCode(), child.getName(), counts.getOrDefault(child.getCode(), new long[5])));
			}
		}
		// Cadres placed at the region itself (e.g. county leaders) count in its total only.
		return new CoverageReport(program, region, row(region.getCode(), region.getName(), total), children, day);
	}

	private static MapSqlParameterSource parameters(PairingProgram program, Region region, LocalDate day) {
		var childLevel = region.getLevel().child();
		int childLength = (childLevel == null ? region.getLevel() : childLevel).codeLength();
		return new MapSqlParameterSource()
			.addValue("prefix", region.getCode() + "%")
			.addValue("programPrefix", program.getRegionCode() + "%")
			.addValue("childLength", childLength)
			.addValue("program", program.getId())
			.addValue("categories", program.getTargetCategories())
			.addValue("day", day)
			.addValue("until", Timestamp.from(day.plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant()))
			.addValue("cutoff", day.minusDays(program.getVisitIntervalDays()))
			.addValue("min", program.getMinHouseholds())
			.addValue("max", program.getMaxHouseholds())
			.addValue("levels", EnumBits.toSet(CadreLevel.class, program.getCadreLevels()).stream().map(Enum::name).toList());
	}

	/** The three counting queries of one way to count. */
	private record Queries(String households, String pairings, String cadres) {
	}

	private static CoverageReport.Row row(String code, String name, long[] figures) {
		return new CoverageReport.Row(code, name, figures[0], figures[1], figures[2], figures[3], figures[4]);
	}

}
