package org.pomegranate.assessment.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.AssessmentState;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 测评总览: every assessment whose holder lies below a region in the user's scope, for one year or
 * all, counted per sub-region (a row per child region, one for the region itself when it holds
 * assessments, and the sum). The figures of a row:
 * <ul>
 * <li>per state: the assessments in that state;</li>
 * <li>total: all of them;</li>
 * <li>passed / failed: the confirmed ones whose verdict is 达标 / 未达标 (only a confirmation
 * gives a verdict);</li>
 * <li>below: those whose latest total (adopted, else evaluator's, else self) is below their
 * version's pass mark, and gap, the average points they are short by.</li>
 * </ul>
 * Each count links to the assessments list filtered the same way ({@link Group#link}), whose
 * total is the count.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class AssessmentOverview {

	public static final String ENTITY = "region";

	private final JdbcTemplate jdbc;

	private final RegionService regions;

	private final RegionScope scope;

	AssessmentOverview(JdbcTemplate jdbc, RegionService regions, RegionScope scope) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.scope = scope;
	}

	/** The overview of {@code regionCode} (the user's own region when null); a region outside the scope is missing. */
	public Overview overview(@Nullable String regionCode, @Nullable Integer year) {
		var code = regionCode == null || regionCode.isBlank() ? scope.prefix() : regionCode.strip();
		if (RegionCode.parse(code).isEmpty()) {
			throw new RecordNotFoundException(ENTITY, code);
		}
		scope.checkRegion(code, ENTITY, code);
		var region = regions.get(code);
		var children = regions.children(code);
		var groups = new LinkedHashMap<String, Group>();
		var own = new Group(region.getCode(), region.getName() + "（本级）", false, true, year);
		for (var child : children) {
			groups.put(child.getCode(), new Group(child.getCode(), child.getName(), true, false, year));
		}
		var all = new Group(region.getCode(), region.getName(), false, false, year);
		// Counted per child region in SQL (a province: 21 prefectures × 8 states at most), whatever the number of holders.
		int childLength = children.isEmpty() ? code.length() : children.get(0).getCode().length();
		jdbc.query("""
				select left(a.holder_region_code, ?) as child, a.state, count(*) as n,
				       count(*) filter (where a.passed) as passed,
				       count(*) filter (where not a.passed) as failed,
				       count(*) filter (where coalesce(a.adopted_total, a.evaluator_total, a.self_total) < f.pass_mark) as below,
				       coalesce(sum(f.pass_mark - coalesce(a.adopted_total, a.evaluator_total, a.self_total))
				                filter (where coalesce(a.adopted_total, a.evaluator_total, a.self_total) < f.pass_mark), 0) as short_by
				from assessment a join indicator_framework f on f.id = a.framework_id
				where a.holder_region_code like ? and (cast(? as int) is null or a.year = ?)
				group by 1, 2""", rs -> {
			var child = rs.getString(1);
			var state = AssessmentState.valueOf(rs.getString(2));
			var counts = new long[] { rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6) };
			var shortBy = rs.getBigDecimal(7);
			groups.getOrDefault(child, own).add(state, counts, shortBy);
			all.add(state, counts, shortBy);
		}, childLength, code + "%", year, year);
		var rows = new ArrayList<Group>();
		if (own.total > 0) {
			rows.add(own);
		}
		rows.addAll(groups.values());
		return new Overview(region, regions.path(code), year, rows, all, years(code));
	}

	/** The years that have assessments below the region, latest first, for the year picker. */
	private List<Integer> years(String code) {
		return jdbc.queryForList("select distinct year from assessment where holder_region_code like ? order by year desc",
				Integer.class, code + "%");
	}

	/** The overview of one region: its breadcrumb (in scope), the year (null: all), a row per sub-region and the sum. */
	public record Overview(Region region, List<Region> path, @Nullable Integer year, List<Group> rows, Group all,
			List<Integer> years) {

		public Overview {
			path = List.copyOf(path);
			rows = List.copyOf(rows);
			years = List.copyOf(years);
		}

		/** The table's rows: one per sub-region, then the sum. */
		public List<Group> table() {
			var table = new ArrayList<>(rows);
			table.add(all);
			return table;
		}

		public List<AssessmentState> states() {
			return List.of(AssessmentState.values());
		}

	}

	/**
	 * The counts of one row; {@code drill} whether the row is a sub-region with its own overview,
	 * {@code exact} whether it holds the region's own assessments only (not those below it).
	 */
	public static final class Group {

		private final String regionCode;

		private final String name;

		private final boolean drill;

		private final boolean exact;

		private final @Nullable Integer year;

		private final Map<AssessmentState, Long> byState = new EnumMap<>(AssessmentState.class);

		private long total;

		private long passed;

		private long failed;

		private long below;

		private BigDecimal shortBy = BigDecimal.ZERO;

		Group(String regionCode, String name, boolean drill, boolean exact, @Nullable Integer year) {
			this.regionCode = regionCode;
			this.name = name;
			this.drill = drill;
			this.exact = exact;
			this.year = year;
		}

		void add(AssessmentState state, long[] counts, BigDecimal shortBy) {
			byState.merge(state, counts[0], Long::sum);
			total += counts[0];
			passed += counts[1];
			failed += counts[2];
			below += counts[3];
			this.shortBy = this.shortBy.add(shortBy);
		}

		public String getRegionCode() {
			return regionCode;
		}

		public String getName() {
			return name;
		}

		public boolean isDrill() {
			return drill;
		}

		public long count(AssessmentState state) {
			return byState.getOrDefault(state, 0L);
		}

		public long getTotal() {
			return total;
		}

		public long getPassed() {
			return passed;
		}

		public long getFailed() {
			return failed;
		}

		public long getBelow() {
			return below;
		}

		/** The average points short of the pass mark of those below it; null when none is. */
		public @Nullable BigDecimal gap() {
			return below == 0 ? null : shortBy.divide(BigDecimal.valueOf(below), 1, RoundingMode.HALF_UP);
		}

		/** The assessments list of this row's holders: all of them, or one state's ({@code state}), or one verdict's. */
		public String link(@Nullable AssessmentState state, @Nullable Boolean verdict) {
			var builder = UriComponentsBuilder.fromPath("/assessments").queryParam("region", regionCode);
			if (exact) {
				builder.queryParam("exact", true);
			}
			if (year != null) {
				builder.queryParam("year", year);
			}
			if (state != null) {
				builder.queryParam("state", state);
			}
			if (verdict != null) {
				builder.queryParam("passed", verdict);
			}
			return builder.toUriString();
		}

		/** The overview of this row's region, for the drill-down. */
		public String drillLink() {
			var builder = UriComponentsBuilder.fromPath("/assessment-overview").queryParam("region", regionCode);
			if (year != null) {
				builder.queryParam("year", year);
			}
			return builder.toUriString();
		}

	}

}
