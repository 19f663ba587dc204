package org.pomegranate.unit.naming;

import java.time.LocalDate;
import java.util.List;

import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders kept as due dates (即将到期), for the list and for the figures; a later notification
 * module reads the same. A title is due to expire within a window when it is live and its last
 * day falls between today and today + window. Its mid-term re-check (中期复查, year 3) is due when
 * {@code named_on + 3 years} has passed or falls within the window and no re-check was done in
 * its third year or since ({@code checked_on >= named_on + 2 years}). The record keepers read
 * them, each inside their region scope.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class NamingReminders {

	/** The windows the list offers, in days. */
	public static final List<Integer> WINDOWS = List.of(30, 90, 180);

	private static final String LIVE = "n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING')";

	private static final String MID_TERM_DUE = """
			n.named_on + interval '3 years' <= cast(? as date) and not exists (
			    select 1 from naming_recheck r where r.naming_id = n.id and r.checked_on >= n.named_on + interval '2 years')""";

	private final NamingRepository namings;

	private final JdbcTemplate jdbc;

	private final RegionScope scope;

	NamingReminders(NamingRepository namings, JdbcTemplate jdbc, RegionScope scope) {
		this.namings = namings;
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/**
	 * Counts of live titles of {@code regionCode}'s subtree (by holder) due on {@code today}: the
	 * figures' record. A region outside the user's scope (another county, or one above the user's
	 * own) answers 404, as its titles would.
	 */
	public DueCounts dueCounts(String regionCode, LocalDate today) {
		scope.checkRegion(regionCode, "Region", regionCode);
		return jdbc.queryForObject("select count(*) filter (where n.valid_until <= cast(? as date) + 30) as within30,"
				+ " count(*) filter (where n.valid_until <= cast(? as date) + 90) as within90,"
				+ " count(*) filter (where n.valid_until <= cast(? as date) + 180) as within180,"
				+ " count(*) filter (where " + MID_TERM_DUE + ") as midTerm"
				+ " from naming n where n.holder_region_code like ? and " + LIVE + " and n.valid_until >= ?",
				(rs, n) -> new DueCounts(rs.getLong("within30"), rs.getLong("within90"), rs.getLong("within180"),
						rs.getLong("midTerm")),
				today, today, today, today, regionCode + "%", today);
	}

	/** 即将到期 / 中期复查 counts: live titles whose last day is within 30, 90, 180 days; mid-term re-checks due now. */
	public record DueCounts(long expiringWithin30, long expiringWithin90, long expiringWithin180, long midTermDue) {
	}

	/** The live titles of the user's scope whose last day falls within {@code days}, soonest first. */
	public List<Naming> expiring(LocalDate today, int days) {
		var until = today.plusDays(days);
		Specification<Naming> where = scope.<Naming>specification(Naming_.HOLDER_REGION_CODE)
			.and((root, q, cb) -> cb.and(root.get(Naming_.state).in(NamingState.LIVE),
					cb.between(root.get(Naming_.validUntil), today, until)));
		return namings.findAll(where, PageRequest.of(0, 500, Sort.by(Naming_.VALID_UNTIL, Naming_.ID))).getContent();
	}

	/** The live titles of the user's scope whose mid-term re-check is due by today + {@code days}. */
	public List<Naming> midTermDue(LocalDate today, int days) {
		var ids = jdbc.queryForList("select n.id from naming n where n.holder_region_code like ? and " + LIVE
				+ " and n.valid_until >= ? and " + MID_TERM_DUE + " order by n.named_on, n.id limit 500", Long.class,
				scope.prefix() + "%", today, today.plusDays(days));
		var byId = new java.util.HashMap<Long, Naming>();
		namings.findAllById(ids).forEach(n -> byId.put(n.getId(), n));
		return ids.stream().map(byId::get).toList();
	}

}
