package org.pomegranate.pairing;

import java.util.HashMap;
import java.util.Map;

import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.TallyReading;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many households the registry holds in a region subtree, today, for figures that relate
 * something to the number of households (units per 10,000 households). Above a county it sums the
 * per-county {@code household_tally} (see {@code db/TALLIES.md}); a county and below counts the
 * rows on the region index. The registry keeps no history of households, so there is no count as
 * of a past day.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class HouseholdCounts {

	private static final String ROWS = """
			select %s as key, count(*) as households from household where region_code like :prefix group by 1""";

	private static final String TALLIED = """
			select %s as key, coalesce(sum(households), 0) as households from household_tally
			where county_code like :prefix group by 1""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	HouseholdCounts(NamedParameterJdbcTemplate jdbc, RegionService regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** The households of {@code regionCode} (in the user's scope) and everything below it. */
	public long in(String regionCode) {
		regions.get(regionCode);
		return count(regionCode, "''").getOrDefault("", 0L);
	}

	/** The households of each region directly below {@code regionCode}, by code; regions without any are left out. */
	public Map<String, Long> byChildRegion(String regionCode) {
		regions.get(regionCode);
		var child = RegionCode.of(regionCode).level().child();
		if (child == null) {
			return Map.of();
		}
		boolean tallied = TallyReading.tallied(regionCode);
		return count(regionCode, TallyReading.byRegionBelow(tallied ? "county_code" : "region_code", child.codeLength()));
	}

	private Map<String, Long> count(String regionCode, String key) {
		var sql = (TallyReading.tallied(regionCode) ? TALLIED : ROWS).formatted(key);
		var counts = new HashMap<String, Long>();
		jdbc.query(sql, new MapSqlParameterSource("prefix", regionCode + "%"),
				(RowCallbackHandler) row -> counts.put(row.getString("key"), row.getLong("households")));
		return counts;
	}

}
