package org.pomegranate.unit;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.HouseholdCounts;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.TallyReading;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.network.UnitKind;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the campaign units and their titles for a region subtree: the one query code
 * that dashboards, the monthly report and the unit pages read. Always live: standing today, a
 * province or a prefecture sums the per-county tallies of {@code db/TALLIES.md} ({@code unit_tally},
 * {@code yuziyuan_tally}, {@code naming_tally}); a county and below, and any past day, count the
 * rows on the {@code text_pattern_ops} region indexes ({@link TallyReading#tallied}; the 育籽员 of
 * today from their homes, {@code yuziyuan_cadre}, one row each). Both ways give the same figures;
 * the tests hold them to it.
 * <p>
 * Definitions, for the units, memberships and titles whose region code lies in the subtree,
 * standing on a day D (today, or the last day of a past period):
 * <ul>
 * <li>a unit <b>stands</b> on D when it had been founded by then ({@code founded_on}, else the day
 * it was recorded) and was not merged by then (在册, or 已撤并 after D); today: state 在册;</li>
 * <li><b>centres</b>, <b>studios</b>, <b>teams</b> 石榴籽工作中心 / 工作室 / 工作队: the standing
 * units of each network kind; <b>units</b>: the standing units of every kind;</li>
 * <li><b>育籽员</b>: distinct cadres holding a 育籽员 membership of a standing unit on D (joined by
 * then, not left by then; today: not left), each counted once, in the region of their
 * <b>home</b> membership: the earliest of those (by joining day, then by record), so that the
 * regions below add up to the region above;</li>
 * <li><b>规程上墙 rate</b>: standing 工作中心 and 工作室 whose first wall photo was stored by D (today:
 * stored), over all standing 工作中心 and 工作室 (the network units that put their rules on the
 * wall); no value without such a unit;</li>
 * <li><b>units per 10,000 households</b>: units × 10,000 / the households the registry holds in the
 * subtree today ({@link HouseholdCounts}: it keeps no history); no value without a household;</li>
 * <li><b>live titles</b> 有效命名, by level and by holder kind: titles held on D by their holder
 * (named by D, valid until D or later, not revoked by D, not replaced by a renewal named by D);
 * today: in a live state (有效, 复查中, 限期整改) with {@code valid_until} ≥ today;</li>
 * <li><b>titles by state</b>, today only (a title's earlier states are in its history, not in a
 * figure): every title by its state as read today, a live one past its last day as 已到期;</li>
 * <li><b>named</b> 命名: titles named in a period (by {@code named_on}), whatever became of them.</li>
 * </ul>
 * The tallies keep titles by their stored state: a live title past its last day that the daily
 * {@code ExpirySweep} has not moved yet is taken out of the live ones (and into 已到期) from the
 * rows, where the partial index on {@code valid_until} finds the few there are.
 * <p>
 * One repeatable-read snapshot per call, so that its figures agree with each other while others write.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitFigures {

	/** The network units that put their rules on the wall (工作中心, 工作室): the 规程上墙 rate's whole. */
	private static final String NETWORK = "kind in ('WORK_CENTRE', 'WORK_STUDIO')";

	/** The network units standing ({@code %1$s}), whether on the wall ({@code %2$s}): {@link #wallPostedRecords}. */
	private static final String NETWORK_UNITS = """
			select u.id, (%2$s) as wall_posted
			from campaign_unit u
			where u.region_code like :prefix and %1$s and u.NETWORK
			order by u.region_code, u.id
			""".replace("NETWORK", NETWORK);

	private static final String UNITS = """
			select %1$s as key,
			       count(*) filter (where kind = 'WORK_CENTRE') as centres,
			       count(*) filter (where kind = 'WORK_STUDIO') as studios,
			       count(*) filter (where kind = 'WORK_TEAM') as teams,
			       count(*) filter (where NETWORK) as network,
			       count(*) filter (where NETWORK and %3$s) as wall_posted,
			       count(*) as units
			from campaign_unit u
			where u.region_code like :prefix and %2$s
			group by 1
			""".replace("NETWORK", NETWORK);

	private static final String UNITS_TALLIED = """
			select %s as key,
			       sum(units) filter (where kind = 'WORK_CENTRE') as centres,
			       sum(units) filter (where kind = 'WORK_STUDIO') as studios,
			       sum(units) filter (where kind = 'WORK_TEAM') as teams,
			       sum(units) filter (where kind in ('WORK_CENTRE', 'WORK_STUDIO')) as network,
			       sum(units) filter (where kind in ('WORK_CENTRE', 'WORK_STUDIO') and wall_posted) as wall_posted,
			       sum(units) as units
			from unit_tally
			where county_code like :prefix and state = 'ACTIVE'
			group by 1
			""";

	/**
	 * Home memberships of a province: every standing 育籽员 membership, each cadre's first kept (one
	 * pass and a sort).
	 */
	private static final String YUZIYUAN_WIDE = """
			select %1$s as key, count(*) as yuziyuan
			from (select m.region_code, row_number() over (partition by m.cadre_id order by m.joined_on, m.id) as nth
			      from unit_membership m join campaign_unit u on u.id = m.unit_id
			      where m.role = 'YUZIYUAN' and %2$s and %3$s) m
			where m.nth = 1 and m.region_code like :prefix
			group by 1
			""";

	/**
	 * Home memberships below a province: the standing 育籽员 memberships of the subtree first (a cte,
	 * so that no estimate of the next step can turn this join into a loop over every unit), then
	 * those that are their cadre's first, each looked up by the cadre.
	 */
	private static final String YUZIYUAN_NARROW = """
			with standing as materialized (
			    select m.id, m.cadre_id, m.region_code
			    from unit_membership m join campaign_unit u on u.id = m.unit_id
			    where m.region_code like :prefix and m.role = 'YUZIYUAN' and %2$s and %3$s)
			select %1$s as key, count(*) as yuziyuan
			from standing m
			where m.id = (select e.id from unit_membership e join campaign_unit eu on eu.id = e.unit_id
			              where e.cadre_id = m.cadre_id and e.role = 'YUZIYUAN' and %4$s and %5$s
			              order by e.joined_on, e.id limit 1)
			group by 1
			""";

	/** Today below a province: the home of each 育籽员, which the triggers keep (yuziyuan_cadre), on its region index. */
	private static final String YUZIYUAN_HOMES = """
			select %s as key, count(*) as yuziyuan from yuziyuan_cadre m where m.region_code like :prefix group by 1
			""";

	private static final String YUZIYUAN_TALLIED = """
			select %s as key, sum(yuziyuan) as yuziyuan from yuziyuan_tally where county_code like :prefix group by 1
			""";

	private static final String LIVE_TITLES = """
			select %1$s as key, n.level, n.holder_kind, count(*) as titles
			from naming n
			where n.holder_region_code like :prefix and %2$s
			group by 1, 2, 3
			""";

	/** The live titles past their last day that the sweep has not moved yet: by the partial index on valid_until. */
	private static final String UNSWEPT = """
			select %s as key, n.level, n.holder_kind, n.state, count(*) as titles
			from naming n
			where n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and n.valid_until < :day
			  and n.holder_region_code like :prefix
			group by 1, 2, 3, 4
			""";

	private static final String LIVE_TITLES_TALLIED = """
			select key, level, holder_kind, sum(titles) as titles
			from (select %1$s as key, level, holder_kind, titles from naming_tally
			      where county_code like :prefix and state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING')
			      union all
			      select key, level, holder_kind, -titles from (%2$s) unswept) titles
			group by 1, 2, 3
			having sum(titles) <> 0
			""";

	private static final String BY_KIND = """
			select u.kind, count(*) as units from campaign_unit u
			where u.region_code like :prefix and %s
			group by 1
			""";

	private static final String BY_KIND_TALLIED = """
			select kind, sum(units) as units from unit_tally
			where county_code like :prefix and state = 'ACTIVE'
			group by 1
			having sum(units) <> 0
			""";

	private static final String BY_STATE = """
			select case when n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and n.valid_until < :day
			            then 'EXPIRED' else n.state end as state, count(*) as titles
			from naming n
			where n.holder_region_code like :prefix
			group by 1
			""";

	private static final String BY_STATE_TALLIED = """
			with unswept as (%s)
			select state, sum(titles) as titles
			from (select state, titles from naming_tally where county_code like :prefix
			      union all select state, -titles from unswept
			      union all select 'EXPIRED', titles from unswept) titles
			group by 1
			having sum(titles) <> 0
			""";

	private static final String NAMED = """
			select %s as key, count(*) as titles from naming n
			where n.holder_region_code like :prefix and n.named_on between :from and :to
			group by 1
			""";

	/** Today: the state columns say it; the partial and region indexes apply. */
	private static final Standing TODAY = new Standing("%1$s.state = 'ACTIVE'", "%1$s.left_on is null",
			"n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and n.valid_until >= :day", "wall_posted_on is not null");

	/** A past day: from the dates the rows keep. */
	private static final Standing PAST = new Standing("""
			coalesce(%1$s.founded_on, (%1$s.created_at at time zone 'Asia/Shanghai')::date) <= :day
			and (%1$s.state = 'ACTIVE' or %1$s.merged_on > :day)""",
			"%1$s.joined_on <= :day and (%1$s.left_on is null or %1$s.left_on > :day)", """
			n.named_on <= :day and n.valid_until >= :day
			and n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING', 'EXPIRED', 'REVOKED', 'RENEWED')
			and not (n.state = 'REVOKED' and n.revoked_on <= :day)
			and not (n.state = 'RENEWED' and exists (select 1 from naming r where r.renews_id = n.id and r.named_on <= :day))""",
			"wall_posted_on <= :day");

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final HouseholdCounts households;

	private final Clock clock;

	UnitFigures(NamedParameterJdbcTemplate jdbc, RegionService regions, HouseholdCounts households, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.households = households;
		this.clock = clock;
	}

	/** The figures of {@code regionCode} (in the user's scope) and everything below it, standing on {@code day}. */
	public UnitCounts of(String regionCode, LocalDate day) {
		return of(regionCode, day, reading(regionCode, day));
	}

	UnitCounts of(String regionCode, LocalDate day, Reading reading) {
		regions.get(regionCode);
		var counts = count(regionCode, day, Key.WHOLE, reading);
		return counts.getOrDefault("", UnitCounts.NONE).withHouseholds(households.in(regionCode));
	}

	/**
	 * The figures of each region directly below {@code regionCode}, in code order, standing on
	 * {@code day}. What lies at the region itself (a county's own centre, a title of the county) is
	 * in no region below: the rows need not add up to {@link #of}.
	 */
	public Map<String, UnitCounts> byChildRegion(String regionCode, LocalDate day) {
		return byChildRegion(regionCode, day, reading(regionCode, day));
	}

	Map<String, UnitCounts> byChildRegion(String regionCode, LocalDate day, Reading reading) {
		var children = regions.children(regionCode);
		var rows = new LinkedHashMap<String, UnitCounts>();
		if (children.isEmpty()) {
			return rows;
		}
		if (reading == Reading.TALLIES && !TallyReading.tallied(regionCode)) {
			throw new IllegalArgumentException("The tallies tell counties apart, nothing below: " + regionCode);
		}
		var counts = count(regionCode, day, Key.below(regionCode), reading);
		var homes = households.byChildRegion(regionCode);
		for (var child : children) {
			rows.put(child.getCode(), counts.getOrDefault(child.getCode(), UnitCounts.NONE)
				.withHouseholds(homes.getOrDefault(child.getCode(), 0L)));
		}
		return rows;
	}

	/** The titles named in the period (both ends included) of holders in the subtree. */
	public long named(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		return named(regionCode, from, toInclusive, Key.WHOLE).getOrDefault("", 0L);
	}

	/** The titles named in the period by region directly below, by code; regions without any are left out. */
	public Map<String, Long> namedByChildRegion(String regionCode, LocalDate from, LocalDate toInclusive) {
		regions.get(regionCode);
		var child = RegionCode.of(regionCode).level().child();
		if (child == null) {
			return Map.of();
		}
		var counts = named(regionCode, from, toInclusive, Key.below(regionCode));
		counts.keySet().removeIf(code -> code.length() != child.codeLength());
		return counts;
	}

	/**
	 * Which units the 规程上墙 rate standing on {@code day} counts, from the rows with the count's
	 * own conditions (the tallies hold the same numbers): the standing 工作中心 and 工作室 (its whole)
	 * and those of them on the wall (its part), in region order.
	 */
	public WallPostedRecords wallPostedRecords(String regionCode, LocalDate day) {
		regions.get(regionCode);
		var standing = standing(day);
		var network = new ArrayList<Long>();
		var posted = new ArrayList<Long>();
		jdbc.query(NETWORK_UNITS.formatted(standing.units("u"), standing.wallPosted()), parameters(regionCode, day), row -> {
			network.add(row.getLong("id"));
			if (row.getBoolean("wall_posted")) {
				posted.add(row.getLong("id"));
			}
		});
		return new WallPostedRecords(network, posted);
	}

	/** The ids behind the 规程上墙 rate: the network units standing, and those on the wall. */
	public record WallPostedRecords(List<Long> network, List<Long> posted) {

		public WallPostedRecords {
			network = List.copyOf(network);
			posted = List.copyOf(posted);
		}

	}

	/** The units of every kind standing on {@code day}, by kind in the kinds' order; kinds without a unit are left out. */
	public Map<UnitKind, Long> byKind(String regionCode, LocalDate day) {
		return byKind(regionCode, day, reading(regionCode, day));
	}

	Map<UnitKind, Long> byKind(String regionCode, LocalDate day, Reading reading) {
		regions.get(regionCode);
		var sql = tallies(reading, day) ? BY_KIND_TALLIED : BY_KIND.formatted(standing(day).units("u"));
		var counts = new EnumMap<UnitKind, Long>(UnitKind.class);
		jdbc.query(sql, parameters(regionCode, day),
				(RowCallbackHandler) row -> counts.put(UnitKind.valueOf(row.getString("kind")), row.getLong("units")));
		return counts;
	}

	/** Every title of holders in the subtree by its state as read today (a live one past its last day is 已到期). */
	public Map<NamingState, Long> titlesByState(String regionCode) {
		return titlesByState(regionCode, reading(regionCode, today()));
	}

	Map<NamingState, Long> titlesByState(String regionCode, Reading reading) {
		regions.get(regionCode);
		var sql = reading == Reading.TALLIES ? BY_STATE_TALLIED.formatted(UNSWEPT.formatted(Key.WHOLE.of(""))) : BY_STATE;
		var counts = new EnumMap<NamingState, Long>(NamingState.class);
		jdbc.query(sql, parameters(regionCode, today()),
				(RowCallbackHandler) row -> counts.put(NamingState.valueOf(row.getString("state")), row.getLong("titles")));
		return counts;
	}

	private Map<String, UnitCounts> count(String regionCode, LocalDate day, Key key, Reading reading) {
		var standing = standing(day);
		String units;
		String yuziyuan;
		String titles;
		if (tallies(reading, day)) {
			units = UNITS_TALLIED.formatted(key.of("county_code"));
			yuziyuan = YUZIYUAN_TALLIED.formatted(key.of("county_code"));
			titles = LIVE_TITLES_TALLIED.formatted(key.of("county_code"), UNSWEPT.formatted(key.of("n.holder_region_code")));
		}
		else {
			units = UNITS.formatted(key.of("u.region_code"), standing.units("u"), standing.wallPosted());
			yuziyuan = yuziyuanRows(regionCode, standing).formatted(key.of("m.region_code"), standing.memberships("m"),
					standing.units("u"), standing.memberships("e"), standing.units("eu"));
			titles = LIVE_TITLES.formatted(key.of("n.holder_region_code"), standing.titles());
		}
		var parameters = parameters(regionCode, day);
		var counts = new LinkedHashMap<String, UnitCounts>();
		jdbc.query(units, parameters,
				(RowCallbackHandler) row -> counts.put(row.getString("key"),
						new UnitCounts(row.getLong("centres"), row.getLong("studios"), row.getLong("teams"),
								row.getLong("network"), row.getLong("wall_posted"), row.getLong("units"), 0, 0,
								new long[NamingLevel.values().length], new long[HolderKind.values().length])));
		jdbc.query(yuziyuan, parameters, row -> {
			var key1 = row.getString("key");
			counts.put(key1, counts.getOrDefault(key1, UnitCounts.NONE).withYuziyuan(row.getLong("yuziyuan")));
		});
		jdbc.query(titles, parameters, row -> {
			var key1 = row.getString("key");
			counts.put(key1, counts.getOrDefault(key1, UnitCounts.NONE)
				.plusTitles(NamingLevel.valueOf(row.getString("level")), HolderKind.valueOf(row.getString("holder_kind")),
						row.getLong("titles")));
		});
		return counts;
	}

	/** The 育籽员 from the rows: a province in one pass over its memberships, a region below by its own. */
	private static String yuziyuanRows(String regionCode, Standing standing) {
		if (RegionCode.of(regionCode).level() == RegionLevel.PROVINCE) {
			return YUZIYUAN_WIDE;
		}
		return standing == TODAY ? YUZIYUAN_HOMES : YUZIYUAN_NARROW;
	}

	private Map<String, Long> named(String regionCode, LocalDate from, LocalDate toInclusive, Key key) {
		var counts = new LinkedHashMap<String, Long>();
		var parameters = new MapSqlParameterSource("prefix", regionCode + "%").addValue("from", Date.valueOf(from))
			.addValue("to", Date.valueOf(toInclusive));
		jdbc.query(NAMED.formatted(key.of("n.holder_region_code")), parameters,
				(RowCallbackHandler) row -> counts.put(row.getString("key"), row.getLong("titles")));
		return counts;
	}

	/** Above a county and standing today, the tallies answer; a county and below, and a past day, count the rows. */
	private Reading reading(String regionCode, LocalDate day) {
		return TallyReading.tallied(regionCode) && !day.isBefore(today()) ? Reading.TALLIES : Reading.ROWS;
	}

	/** Whether to read the tallies, which stand today only. */
	private boolean tallies(Reading reading, LocalDate day) {
		if (reading == Reading.TALLIES && standing(day) == PAST) {
			throw new IllegalArgumentException("The tallies stand today, not on " + day);
		}
		return reading == Reading.TALLIES;
	}

	private Standing standing(LocalDate day) {
		return day.isBefore(today()) ? PAST : TODAY;
	}

	LocalDate today() {
		return ChinaTime.today(clock);
	}

	private static MapSqlParameterSource parameters(String regionCode, LocalDate day) {
		return new MapSqlParameterSource("prefix", regionCode + "%").addValue("day", Date.valueOf(day));
	}

	/** Where figures are counted from: the per-county tallies (standing today) or the rows. */
	enum Reading {

		TALLIES, ROWS

	}

	/** What figures are grouped by: nothing (the whole subtree, key '') or the region directly below. */
	private record Key(int length) {

		static final Key WHOLE = new Key(0);

		static Key below(String regionCode) {
			var child = RegionCode.of(regionCode).level().child();
			return child == null ? WHOLE : new Key(child.codeLength());
		}

		/** The key as SQL, from a region code column. */
		String of(String column) {
			return length == 0 ? "''" : TallyReading.byRegionBelow(column, length);
		}

	}

	/**
	 * The SQL conditions under which a unit (of the alias given), a membership (likewise), a title
	 * and a unit's wall photo stand on the day.
	 */
	private record Standing(String unitCondition, String membershipCondition, String titles, String wallPosted) {

		String units(String alias) {
			return unitCondition.formatted(alias);
		}

		String memberships(String alias) {
			return membershipCondition.formatted(alias);
		}

	}

	/**
	 * The unit figures of a region subtree on a day, as defined above; {@code liveTitles} by
	 * {@link NamingLevel} and {@code liveTitlesByHolder} by {@link HolderKind} ordinal.
	 */
	public record UnitCounts(long centres, long studios, long teams, long networkUnits, long wallPosted, long units,
			long yuziyuan, long households, long[] liveTitles, long[] liveTitlesByHolder) {

		static final UnitCounts NONE = new UnitCounts(0, 0, 0, 0, 0, 0, 0, 0, new long[NamingLevel.values().length],
				new long[HolderKind.values().length]);

		/** The titles held at every level. */
		public long liveTitleCount() {
			long sum = 0;
			for (long titles : liveTitles) {
				sum += titles;
			}
			return sum;
		}

		public long liveTitles(NamingLevel level) {
			return liveTitles[level.ordinal()];
		}

		public long liveTitles(HolderKind kind) {
			return liveTitlesByHolder[kind.ordinal()];
		}

		/** Units per 10,000 households, rounded to a whole number; null without a household. */
		public @Nullable Double unitsPerTenThousandHouseholds() {
			return households == 0 ? null : (double) Math.round(units * 10_000.0 / households);
		}

		UnitCounts withHouseholds(long count) {
			return new UnitCounts(centres, studios, teams, networkUnits, wallPosted, units, yuziyuan, count, liveTitles,
					liveTitlesByHolder);
		}

		UnitCounts withYuziyuan(long count) {
			return new UnitCounts(centres, studios, teams, networkUnits, wallPosted, units, count, households, liveTitles,
					liveTitlesByHolder);
		}

		UnitCounts plusTitles(NamingLevel level, HolderKind kind, long count) {
			var byLevel = liveTitles.clone();
			var byHolder = liveTitlesByHolder.clone();
			byLevel[level.ordinal()] += count;
			byHolder[kind.ordinal()] += count;
			return new UnitCounts(centres, studios, teams, networkUnits, wallPosted, units, yuziyuan, households, byLevel,
					byHolder);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other instanceof UnitCounts that && centres == that.centres && studios == that.studios
					&& teams == that.teams && networkUnits == that.networkUnits && wallPosted == that.wallPosted
					&& units == that.units && yuziyuan == that.yuziyuan && households == that.households
					&& java.util.Arrays.equals(liveTitles, that.liveTitles)
					&& java.util.Arrays.equals(liveTitlesByHolder, that.liveTitlesByHolder);
		}

		@Override
		public int hashCode() {
			return java.util.Objects.hash(centres, studios, teams, units, yuziyuan, households,
					java.util.Arrays.hashCode(liveTitles));
		}

		@Override
		public String toString() {
			return "UnitCounts[centres=" + centres + ", studios=" + studios + ", teams=" + teams + ", network="
					+ networkUnits + ", wallPosted=" + wallPosted + ", units=" + units + ", yuziyuan=" + yuziyuan
					+ ", households=" + households + ", liveTitles=" + java.util.Arrays.toString(liveTitles)
					+ ", byHolder=" + java.util.Arrays.toString(liveTitlesByHolder) + "]";
		}

	}

}
