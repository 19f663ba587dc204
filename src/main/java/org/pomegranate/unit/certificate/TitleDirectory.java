package org.pomegranate.unit.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 名录: the titles held in a region's subtree (where the holder is), as of today — the live ones
 * grouped by level (national first), holder kind and batch (year, number, 文号; a title named
 * alone forms a group of its own decision), and apart from them the revoked and the expired ones
 * with their dates. A renewed title (已续期) is not listed: its renewal is. Households appear as
 * 扎西某家庭, as on the public page, so that the list can be published as it is.
 */
@Service
@Transactional(readOnly = true)
public class TitleDirectory {

	private static final String SELECT = """
			select n.id, n.holder_kind, n.holder_name, n.title, n.level, n.state, n.named_on, n.valid_until,
			       n.decision_number, n.revoked_on, n.revocation_number, holder_region.name as holder_region_name,
			       b.year as batch_year, b.number as batch_number, b.decision_number as batch_decision_number,
			       h.head_name, h.ethnicity
			from naming n
			join region holder_region on holder_region.code = n.holder_region_code
			left join naming_batch b on b.id = n.batch_id
			left join household h on h.id = n.household_id
			where n.holder_region_code like ? and n.named_on is not null and n.state <> 'RENEWED'""";

	private static final String YEAR = "coalesce(b.year, extract(year from n.named_on)::int)";

	private final JdbcTemplate jdbc;

	private final RegionScope scope;

	private final Clock clock;

	TitleDirectory(JdbcTemplate jdbc, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/** The list for {@code query}'s region (the user's own when none): 404 for a region outside the scope. */
	public Directory of(Query query) {
		var region = region(query.region());
		var today = ChinaTime.today(clock);
		var sql = new StringBuilder(SELECT);
		var arguments = new ArrayList<Object>();
		arguments.add(region + "%");
		if (query.level() != null) {
			sql.append(" and n.level = ?");
			arguments.add(query.level().name());
		}
		if (query.holderKind() != null) {
			sql.append(" and n.holder_kind = ?");
			arguments.add(query.holderKind().name());
		}
		if (query.batchYear() != null) {
			sql.append(" and ").append(YEAR).append(" = ?");
			arguments.add(query.batchYear());
		}
		var rows = jdbc.query(sql.toString(), (rs, n) -> row(rs, today), arguments.toArray());
		var live = new LinkedHashMap<GroupKey, List<Entry>>();
		var revoked = new ArrayList<Entry>();
		var expired = new ArrayList<Entry>();
		rows.stream().sorted(ORDER).forEach(entry -> {
			if (entry.state() == NamingState.REVOKED) {
				revoked.add(entry);
			}
			else if (entry.state() == NamingState.EXPIRED) {
				expired.add(entry);
			}
			else {
				live.computeIfAbsent(new GroupKey(entry.level(), entry.holderKind(), entry.batch()), key -> new ArrayList<>())
					.add(entry);
			}
		});
		revoked.sort(Comparator.comparing((Entry entry) -> Objects.requireNonNull(entry.revokedOn())).reversed());
		expired.sort(Comparator.comparing(Entry::validUntil).reversed());
		var groups = live.entrySet()
			.stream()
			.map(group -> new Group(group.getKey().level(), group.getKey().holderKind(), group.getKey().batch(),
					List.copyOf(group.getValue())))
			.toList();
		return new Directory(region, groups, List.copyOf(revoked), List.copyOf(expired), today);
	}

	/** The years of the batches (or of the naming dates, for titles named alone) in the user's scope, newest first. */
	public List<Integer> batchYears() {
		return jdbc.queryForList("select distinct " + YEAR + " as y from naming n left join naming_batch b on b.id = n.batch_id"
				+ " where n.holder_region_code like ? and n.named_on is not null order by y desc", Integer.class,
				scope.prefix() + "%");
	}

	private String region(@Nullable String requested) {
		if (requested == null || requested.isBlank()) {
			return scope.prefix();
		}
		if (RegionCode.parse(requested).isEmpty()) {
			throw new RecordNotFoundException("Region", "?");
		}
		scope.checkRegion(requested, "Region", requested);
		return requested;
	}

	/** National first, then by holder kind, the newest batch first, then the newest naming and the holder. */
	private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::level, Comparator.reverseOrder())
		.thenComparing(Entry::holderKind)
		.thenComparing(entry -> entry.batch().year(), Comparator.reverseOrder())
		.thenComparing(entry -> entry.batch().number(), Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(entry -> entry.batch().decisionNumber(), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(Entry::namedOn, Comparator.reverseOrder())
		.thenComparing(Entry::holder);

	private static Entry row(ResultSet rs, LocalDate today) throws SQLException {
		var kind = HolderKind.valueOf(rs.getString("holder_kind"));
		var namedOn = rs.getObject("named_on", LocalDate.class);
		var validUntil = rs.getObject("valid_until", LocalDate.class);
		var holder = kind == HolderKind.HOUSEHOLD
				? PublicHolderNames.household(rs.getString("head_name"), rs.getString("ethnicity"))
				: rs.getString("holder_name");
		var batchYear = rs.getObject("batch_year", Integer.class);
		var batch = batchYear != null
				? new Batch(batchYear, rs.getObject("batch_number", Integer.class), rs.getString("batch_decision_number"))
				: new Batch(namedOn.getYear(), null, rs.getString("decision_number"));
		return new Entry(rs.getLong("id"), holder, rs.getString("holder_region_name"), rs.getString("title"),
				NamingLevel.valueOf(rs.getString("level")), kind,
				Standing.asOf(NamingState.valueOf(rs.getString("state")), validUntil, today), namedOn, validUntil,
				rs.getString("decision_number"), batch, rs.getObject("revoked_on", LocalDate.class),
				rs.getString("revocation_number"));
	}

	/** The list's filters: a region in scope (the user's own when none), a level, a holder kind, a batch year. */
	public record Query(@Nullable String region, @Nullable NamingLevel level, @Nullable HolderKind holderKind,
			@Nullable Integer batchYear) {

		public static Query all() {
			return new Query(null, null, null, null);
		}

	}

	/**
	 * The batch a title was named in: year and number ({@code number} null for a title named alone,
	 * whose year is that of its naming), and the decision's 文号.
	 */
	public record Batch(int year, @Nullable Integer number, @Nullable String decisionNumber) {
	}

	private record GroupKey(NamingLevel level, HolderKind holderKind, Batch batch) {
	}

	/** The live titles of one level, holder kind and batch. */
	public record Group(NamingLevel level, HolderKind holderKind, Batch batch, List<Entry> entries) {

		/** The entries the page lists: the first {@link #SHOWN}; the count and the export have them all. */
		public List<Entry> shown() {
			return Directory.firstShown(entries);
		}

	}

	/** One title as the list shows it; {@code state} as of {@link Directory#asOf()}. */
	public record Entry(long id, String holder, String holderRegionName, String title, NamingLevel level,
			HolderKind holderKind, NamingState state, LocalDate namedOn, LocalDate validUntil,
			@Nullable String decisionNumber, Batch batch, @Nullable LocalDate revokedOn, @Nullable String revocationNumber) {
	}

	/** The list of {@code regionCode}'s subtree on {@code asOf}. */
	public record Directory(String regionCode, List<Group> groups, List<Entry> revoked, List<Entry> expired,
			LocalDate asOf) {

		/** How many entries of a group or list the page shows at most (a province's batches run to thousands). */
		public static final int SHOWN = 200;

		public int liveCount() {
			return groups.stream().mapToInt(group -> group.entries().size()).sum();
		}

		public List<Entry> revokedShown() {
			return firstShown(revoked);
		}

		public List<Entry> expiredShown() {
			return firstShown(expired);
		}

		static List<Entry> firstShown(List<Entry> entries) {
			return entries.size() <= SHOWN ? entries : entries.subList(0, SHOWN);
		}

	}

}
