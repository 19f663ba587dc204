package org.pomegranate.unit.certificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 名录: the titles held in a region's subtree (where the holder is), as of today — the live ones
 * grouped by level (national first), holder kind and batch (year, number, 文号; a title named
 * alone forms a group of its own decision), and apart from them the revoked and the expired ones
 * with their dates. A renewed title (已续期) is not listed: its renewal is. Households appear as
 * 扎西某家庭, as on the public page, so that the list can be published as it is.
 * <p>
 * A province holds tens of thousands of titles, so the database does the work: the counts come
 * from aggregates (each live group's, the revoked and the expired), each of the three lists is
 * read a page at a time in one stable order, and the export streams every row through a cursor.
 * The counts and the page are read in one snapshot, so that they agree.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class TitleDirectory {

	/** Rows of a list on one page. */
	public static final int PAGE_SIZE = 100;

	/**
	 * The titles a list may show: named, not renewed, held in the region. A query's filters and a
	 * list's {@link Section#condition} are added to it.
	 */
	private static final String LISTED = "n.holder_region_code like :prefix and n.named_on is not null and n.state <> 'RENEWED'";

	/** Each title of a list with its batch: a title named alone has the year of its naming and its own 文号. */
	private static final String TITLES = """
			select n.id, n.holder_kind, n.holder_region_code, n.household_id, n.holder_name, n.title, n.level, n.state,
			       n.named_on, n.valid_until, n.decision_number, n.revoked_on, n.revocation_number,
			       coalesce(b.year, extract(year from n.named_on)::int) as batch_year, b.number as batch_number,
			       case when b.id is null then n.decision_number else b.decision_number end as batch_decision
			from naming n
			left join naming_batch b on b.id = n.batch_id
			where %s""";

	/**
	 * Rows as a list shows them, with the holder's region and a household's head, in an order: each
	 * looked up by its key for the rows at hand (a page's hundred, or the export's as they stream).
	 */
	private static final String ROWS = """
			select t.*, (select r.name from region r where r.code = t.holder_region_code) as holder_region_name,
			       h.head_name, h.ethnicity
			from (%s) t
			left join household h on h.id = t.household_id
			order by %s""";

	private static final String LIVE = "n.state in ('VALID', 'UNDER_RECHECK', 'RECTIFYING')";

	/**
	 * In one pass over the titles, grouped by batch id before any join, the count of each live group
	 * and of the revoked and the expired (whose group columns are null); then the batches of those
	 * groups, and the live groups in the list's order.
	 */
	private static final String COUNTS = """
			select t.section, t.level, t.holder_kind, t.batch_year, t.batch_number, t.batch_decision, sum(t.titles) as titles
			from (select c.section, c.level, c.holder_kind, coalesce(b.year, c.named_year) as batch_year,
			             b.number as batch_number, case when b.id is null then c.decision_number else b.decision_number end
			             as batch_decision, c.titles
			      from (select case when %1$s then 'LIVE' when n.state = 'REVOKED' then 'REVOKED' else 'EXPIRED' end as section,
			                   case when %1$s then n.level end as level,
			                   case when %1$s then n.holder_kind end as holder_kind,
			                   case when %1$s then n.batch_id end as batch_id,
			                   case when %1$s and n.batch_id is null then extract(year from n.named_on)::int end as named_year,
			                   case when %1$s and n.batch_id is null then n.decision_number end as decision_number,
			                   count(*) as titles
			            from naming n
			            where %2$s
			            group by 1, 2, 3, 4, 5, 6) c
			      left join naming_batch b on b.id = c.batch_id) t
			group by t.section, t.level, t.holder_kind, t.batch_year, t.batch_number, t.batch_decision
			order by %3$s""";

	/** The year a title is listed under: its batch's, or that of its naming for a title named alone. */
	private static final String YEAR = "coalesce((select b.year from naming_batch b where b.id = n.batch_id),"
			+ " extract(year from n.named_on)::int)";

	/** National first, then by holder kind, the newest batch first, then the batch's 文号. */
	private static final String GROUP_ORDER = rank("t.level", NamingLevel.values()) + " desc, "
			+ rank("t.holder_kind", HolderKind.values())
			+ ", t.batch_year desc, t.batch_number desc nulls last, t.batch_decision collate \"C\" nulls last";

	/** Within a group the newest naming first, then by holder; the id keeps the order total. */
	private static final String ENTRY_ORDER = GROUP_ORDER + ", t.named_on desc, t.holder_name collate \"C\", t.id";

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate cursor;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final Clock clock;

	TitleDirectory(DataSource dataSource, RegionScope scope, AuditLog auditLog, Clock clock) {
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		var streaming = new JdbcTemplate(dataSource);
		streaming.setFetchSize(Paging.EXPORT_PAGE_SIZE);
		this.cursor = new NamedParameterJdbcTemplate(streaming);
		this.scope = scope;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The list for {@code query}'s region (the user's own when none), at {@code pages}: 404 for a region outside the scope. */
	public Directory of(Query query, Pages pages) {
		var region = region(query.region());
		var today = ChinaTime.today(clock);
		var filter = filter(query, region, today);
		var counts = jdbc.query(COUNTS.formatted(Section.LIVE.condition, filter.where(), GROUP_ORDER), filter.parameters(),
				(rs, n) -> {
					var section = Section.valueOf(rs.getString("section"));
					return new GroupCount(section, section == Section.LIVE ? key(rs) : null, rs.getLong("titles"));
				});
		var live = page(filter, Section.LIVE, pages.live(), total(counts, Section.LIVE), today);
		return new Directory(region, groups(counts, live), live,
				page(filter, Section.REVOKED, pages.revoked(), total(counts, Section.REVOKED), today),
				page(filter, Section.EXPIRED, pages.expired(), total(counts, Section.EXPIRED), today), today);
	}

	/**
	 * Hands every title of {@code query}'s list to {@code sink}, section by section (live, revoked,
	 * expired) in the order of the page, streamed: for the export, which is audited.
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public long export(Query query, BiConsumer<Section, Entry> sink) {
		var region = region(query.region());
		var today = ChinaTime.today(clock);
		var filter = filter(query, region, today);
		long count = 0;
		for (var section : Section.values()) {
			long[] rows = { 0 };
			cursor.query(ROWS.formatted(TITLES.formatted(filter.where(section)), section.order), filter.parameters(),
					(RowCallbackHandler) rs -> {
						sink.accept(section, entry(rs, today));
						rows[0]++;
					});
			count += rows[0];
		}
		auditLog.record(AuditAction.EXPORT, Certificates.ENTITY, "directory", "命名名录 " + region + "：" + count + " 项");
		return count;
	}

	/** The years of the batches (or of the naming dates, for titles named alone) in the user's scope, newest first. */
	public List<Integer> batchYears() {
		return jdbc.queryForList("select distinct coalesce(b.year, extract(year from n.named_on)::int) as y from naming n"
				+ " left join naming_batch b on b.id = n.batch_id"
				+ " where n.holder_region_code like :prefix and n.named_on is not null order by y desc",
				new MapSqlParameterSource("prefix", scope.prefix() + "%"), Integer.class);
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

	private static Filter filter(Query query, String region, LocalDate today) {
		var where = new StringBuilder(LISTED);
		var parameters = new MapSqlParameterSource("prefix", region + "%").addValue("today", Date.valueOf(today));
		if (query.level() != null) {
			where.append(" and n.level = :level");
			parameters.addValue("level", query.level().name());
		}
		if (query.holderKind() != null) {
			where.append(" and n.holder_kind = :holderKind");
			parameters.addValue("holderKind", query.holderKind().name());
		}
		if (query.batchYear() != null) {
			where.append(" and ").append(YEAR).append(" = :batchYear");
			parameters.addValue("batchYear", query.batchYear());
		}
		return new Filter(where.toString(), parameters);
	}

	private Page<Entry> page(Filter filter, Section section, int number, long total, LocalDate today) {
		var pageable = PageRequest.of(number, PAGE_SIZE);
		if (total <= pageable.getOffset()) {
			return new PageImpl<>(List.of(), pageable, total);
		}
		// The page's rows first, then the holders' regions and households of those rows alone.
		var sql = ROWS.formatted("select * from (" + TITLES.formatted(filter.where(section)) + ") t order by "
				+ section.order + " limit :limit offset :offset", section.order);
		var rows = jdbc.query(sql, filter.parameters().addValue("limit", PAGE_SIZE).addValue("offset", pageable.getOffset()),
				(rs, n) -> entry(rs, today));
		return new PageImpl<>(rows, pageable, total);
	}

	private static long total(List<GroupCount> counts, Section section) {
		return counts.stream().filter(count -> count.section() == section).mapToLong(GroupCount::titles).sum();
	}

	/** Every live group in order, where it starts in the list, and its entries on {@code page}. */
	private static List<Group> groups(List<GroupCount> counts, Page<Entry> page) {
		var onPage = page.getContent()
			.stream()
			.collect(Collectors.groupingBy(Entry::group, LinkedHashMap::new, Collectors.toList()));
		var groups = new ArrayList<Group>();
		long start = 0;
		for (var count : counts) {
			var key = count.key();
			if (key == null) {
				continue;
			}
			var entries = onPage.getOrDefault(key, List.of());
			long first = entries.isEmpty() ? 0 : Math.max(start, page.getPageable().getOffset()) - start;
			groups.add(new Group(key.level(), key.holderKind(), key.batch(), count.titles(), first, List.copyOf(entries)));
			start += count.titles();
		}
		return List.copyOf(groups);
	}

	private static GroupKey key(ResultSet rs) throws SQLException {
		return new GroupKey(NamingLevel.valueOf(rs.getString("level")), HolderKind.valueOf(rs.getString("holder_kind")),
				new Batch(rs.getInt("batch_year"), rs.getObject("batch_number", Integer.class), rs.getString("batch_decision")));
	}

	private static Entry entry(ResultSet rs, LocalDate today) throws SQLException {
		var key = key(rs);
		var validUntil = rs.getObject("valid_until", LocalDate.class);
		var holder = key.holderKind() == HolderKind.HOUSEHOLD
				? PublicHolderNames.household(rs.getString("head_name"), rs.getString("ethnicity"))
				: rs.getString("holder_name");
		return new Entry(rs.getLong("id"), holder, rs.getString("holder_region_name"), rs.getString("title"), key.level(),
				key.holderKind(), Standing.asOf(NamingState.valueOf(rs.getString("state")), validUntil, today),
				rs.getObject("named_on", LocalDate.class), validUntil, rs.getString("decision_number"), key.batch(),
				rs.getObject("revoked_on", LocalDate.class), rs.getString("revocation_number"));
	}

	/** {@code case column when 'A' then 0 when 'B' then 1 … end}: an enum stored by name, ranked by its order. */
	private static String rank(String column, Enum<?>[] values) {
		return Arrays.stream(values)
			.map(value -> "when '" + value.name() + "' then " + value.ordinal())
			.collect(Collectors.joining(" ", "case " + column + " ", " end"));
	}

	/**
	 * The three lists of the page, each with its titles and its order: live by group; revoked, the
	 * newest revocation first; expired (stored so, or live past the last day), the last to end first.
	 */
	public enum Section {

		LIVE(TitleDirectory.LIVE + " and n.valid_until >= :today", ENTRY_ORDER),

		REVOKED("n.state = 'REVOKED'", "t.revoked_on desc, " + ENTRY_ORDER),

		EXPIRED("(n.state = 'EXPIRED' or (" + TitleDirectory.LIVE + " and n.valid_until < :today))",
				"t.valid_until desc, " + ENTRY_ORDER);

		private final String condition;

		private final String order;

		Section(String condition, String order) {
			this.condition = condition;
			this.order = order;
		}

	}

	/** A query's conditions on {@code naming n} and their parameters. */
	private record Filter(String where, MapSqlParameterSource parameters) {

		String where(Section section) {
			return where + " and " + section.condition;
		}

		/** A fresh copy each time: a query adds parameters of its own. */
		@Override
		public MapSqlParameterSource parameters() {
			return new MapSqlParameterSource(parameters.getValues());
		}

	}

	/** The count of a live group ({@code key} its level, kind and batch), or of a whole ended list ({@code key} null). */
	private record GroupCount(Section section, @Nullable GroupKey key, long titles) {
	}

	/** The list's filters: a region in scope (the user's own when none), a level, a holder kind, a batch year. */
	public record Query(@Nullable String region, @Nullable NamingLevel level, @Nullable HolderKind holderKind,
			@Nullable Integer batchYear) {

		public static Query all() {
			return new Query(null, null, null, null);
		}

	}

	/** Which page of each list to show, from 0 (a negative or far too large number is brought within bounds). */
	public record Pages(int live, int revoked, int expired) {

		public Pages {
			live = Paging.page(live);
			revoked = Paging.page(revoked);
			expired = Paging.page(expired);
		}

		public static Pages first() {
			return new Pages(0, 0, 0);
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

	/**
	 * The live titles of one level, holder kind and batch: {@code count} in all, of which the page
	 * lists {@code entries}, the first of them the group's entry number {@code first} (from 0).
	 */
	public record Group(NamingLevel level, HolderKind holderKind, Batch batch, long count, long first,
			List<Entry> entries) {

		/** Whether the page lists only part of the group: the rest is on the page before or after. */
		public boolean partial() {
			return entries.size() < count;
		}

		/** Entry numbers from 1, as the page states them. */
		public long firstShown() {
			return first + 1;
		}

		public long lastShown() {
			return first + entries.size();
		}

	}

	/** One title as the list shows it; {@code state} as of {@link Directory#asOf()}. */
	public record Entry(long id, String holder, String holderRegionName, String title, NamingLevel level,
			HolderKind holderKind, NamingState state, LocalDate namedOn, LocalDate validUntil,
			@Nullable String decisionNumber, Batch batch, @Nullable LocalDate revokedOn, @Nullable String revocationNumber) {

		private GroupKey group() {
			return new GroupKey(level, holderKind, batch);
		}

	}

	/**
	 * The list of {@code regionCode}'s subtree on {@code asOf}: every live group with its count
	 * ({@code groups}; those with no entry on this page list none), and a page of each list.
	 */
	public record Directory(String regionCode, List<Group> groups, Page<Entry> live, Page<Entry> revoked,
			Page<Entry> expired, LocalDate asOf) {

		public long liveCount() {
			return live.getTotalElements();
		}

		/** The groups with entries on this page of the live list, in order. */
		public List<Group> shownGroups() {
			return groups.stream().filter(group -> !group.entries().isEmpty()).toList();
		}

	}

}
