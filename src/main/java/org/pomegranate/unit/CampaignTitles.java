package org.pomegranate.unit;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live demonstration titles (命名) of regions and campaign units inside the user's scope, as
 * {@link TitleRef} records, for a module that links to a title (a praise notice's 授牌) without
 * depending on the naming internals. Live: named, not revoked or ended, and not past its last day.
 */
@Service
@Transactional(readOnly = true)
public class CampaignTitles {

	private static final String SELECT = """
			select id, title, holder_region_code, unit_id, named_on from naming
			where state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING') and named_on <= :today and valid_until >= :today
			  and holder_region_code like :scope and %s
			order by named_on desc, id desc""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionScope scope;

	private final Clock clock;

	CampaignTitles(NamedParameterJdbcTemplate jdbc, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/** A live title and its holder: a region ({@code unitId} null) or a unit in {@code holderRegionCode}. */
	public record TitleRef(long id, String title, String holderRegionCode, @Nullable Long unitId, LocalDate namedOn) {

		/** Whether the title is held by the region {@code regionCode} itself or by the unit {@code unitId}. */
		public boolean heldBy(String regionCode, @Nullable Long unitId) {
			return unitId == null ? this.unitId == null && holderRegionCode.equals(regionCode) : unitId.equals(this.unitId);
		}

	}

	/** The live titles held by the regions {@code regionCodes} themselves and by the units {@code unitIds}. */
	public List<TitleRef> liveOf(Collection<String> regionCodes, Collection<Long> unitIds) {
		if (regionCodes.isEmpty() && unitIds.isEmpty()) {
			return List.of();
		}
		var where = "((holder_kind = 'REGION' and holder_region_code in (:codes)) or (holder_kind = 'UNIT' and unit_id in (:units)))";
		return jdbc.query(SELECT.formatted(where),
				Map.of("today", today(), "scope", scope.prefix() + "%", "codes",
						regionCodes.isEmpty() ? List.of("-") : regionCodes, "units", unitIds.isEmpty() ? List.of(-1L) : unitIds),
				(rs, n) -> new TitleRef(rs.getLong("id"), rs.getString("title"), rs.getString("holder_region_code"),
						rs.getObject("unit_id", Long.class), rs.getObject("named_on", LocalDate.class)));
	}

	/** The live title {@code id} in scope; empty when missing, ended, revoked or outside the scope. */
	public Optional<TitleRef> live(long id) {
		return jdbc
			.query(SELECT.formatted("id = :id"), Map.of("today", today(), "scope", scope.prefix() + "%", "id", id),
					(rs, n) -> new TitleRef(rs.getLong("id"), rs.getString("title"), rs.getString("holder_region_code"),
							rs.getObject("unit_id", Long.class), rs.getObject("named_on", LocalDate.class)))
			.stream()
			.findFirst();
	}

	private LocalDate today() {
		return ChinaTime.today(clock);
	}

}
