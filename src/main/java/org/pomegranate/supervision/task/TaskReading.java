package org.pomegranate.supervision.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.TallyReading;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the task pages read: the recipient's inbox, the issuer's lists and each list's recipients ×
 * states, an instance with its timeline and the steps the user may take, the plans, and the list
 * behind each task figure. Everything is inside the user's scope: an instance by its recipient's
 * region, a list and a plan by the issuing region; outside answers as missing.
 */
@Service
@Transactional(readOnly = true)
public class TaskReading {

	/** How many rows each inbox group and each list page shows. */
	public static final int PAGE_SIZE = 50;

	private static final String INSTANCE_COLUMNS = """
			select i.id, i.list_id, l.title, i.recipient_name, i.region_code, i.period, i.state, i.due_on, i.granted_due_on,
			       i.opens_at, i.reported_on, i.extension_wanted_on
			from task_instance i join task_list l on l.id = i.list_id""";

	private final JdbcTemplate jdbc;

	private final TaskInstanceRepository instances;

	private final TaskEventRepository events;

	private final RegionScope scope;

	private final RegionService regions;

	private final FileStore files;

	private final Clock clock;

	private final TaskFigures figures;

	TaskReading(JdbcTemplate jdbc, TaskInstanceRepository instances, TaskEventRepository events, RegionScope scope,
			RegionService regions, FileStore files, Clock clock, TaskFigures figures) {
		this.jdbc = jdbc;
		this.instances = instances;
		this.events = events;
		this.scope = scope;
		this.regions = regions;
		this.files = files;
		this.clock = clock;
		this.figures = figures;
	}

	/** An instance as lists show it, with its link and flags. */
	public record InstanceRow(long id, long listId, String title, String recipientName, String period, TaskState state,
			LocalDate dueOn, boolean extended, boolean overdue, boolean unacknowledged, boolean extensionPending) {

		public String href() {
			return "/tasks/" + id;
		}

	}

	// The inbox.

	/** One group of the inbox: how many, and the first of them (soonest due first). */
	public record Group(String key, long count, List<InstanceRow> rows) {
	}

	/**
	 * The inbox of the user's own region (the recipient side): to acknowledge, to report, returned,
	 * due this week (to Sunday), overdue. An instance may stand in two groups (returned and overdue).
	 */
	public List<Group> inbox() {
		var region = scope.prefix();
		var today = today();
		var now = clock.instant();
		var sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		var opened = Timestamp.from(now);
		var groups = new ArrayList<Group>();
		groups.add(group("toAcknowledge", "i.state = 'PENDING'", region, today, now, opened));
		groups.add(group("toReport", "i.state = 'ACKNOWLEDGED'", region, today, now, opened));
		groups.add(group("returned", "i.state = 'RETURNED'", region, today, now, opened));
		groups.add(group("dueThisWeek", "i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED') "
				+ "and coalesce(i.granted_due_on, i.due_on) between ? and ?", region, today, now, opened, today, sunday));
		groups.add(group("overdue", "i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED') "
				+ "and coalesce(i.granted_due_on, i.due_on) < ?", region, today, now, opened, today));
		return groups;
	}

	/** How many instances of the user's region wait for its 签收 or report: the home page's line. */
	public long inboxCount() {
		return Objects.requireNonNull(jdbc.queryForObject("""
				select count(*) from task_instance i where i.region_code = ? and i.opens_at <= ?
				and i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')""", Long.class, scope.prefix(),
				Timestamp.from(clock.instant())));
	}

	private Group group(String key, String condition, String region, LocalDate today, Instant now, Object... arguments) {
		var where = " where i.region_code = ? and i.opens_at <= ? and " + condition;
		var all = new ArrayList<Object>();
		all.add(region);
		all.addAll(List.of(arguments));
		long count = Objects.requireNonNull(jdbc.queryForObject("select count(*) from task_instance i" + where, Long.class,
				all.toArray()));
		var rows = count == 0 ? List.<InstanceRow>of()
				: jdbc.query(INSTANCE_COLUMNS + where + " order by coalesce(i.granted_due_on, i.due_on), i.id limit " + PAGE_SIZE,
						(row, n) -> row(row, today, now), all.toArray());
		return new Group(key, count, rows);
	}

	// The drill-down behind a figure.

	/** The instances of the user's subtree in one figure's set, soonest due first, a page at a time. */
	public Page<InstanceRow> instances(TaskFigure figure, LocalDate from, LocalDate to, int page) {
		var today = today();
		var now = clock.instant();
		var where = " where i.region_code like ? and " + figure.condition();
		var arguments = new ArrayList<Object>();
		arguments.add(scope.prefix() + "%");
		arguments.addAll(figure.arguments(from, to, today, now));
		// Above a county the figure itself, from the tally, is the total (the tests hold the two to the same count).
		long total = TallyReading.tallied(scope.prefix()) ? figures.of(scope.prefix(), from, to, !figure.ofPeriod()).of(figure)
				: Objects.requireNonNull(jdbc.queryForObject("select count(*) from task_instance i" + where, Long.class,
						arguments.toArray()));
		var rows = jdbc.query(INSTANCE_COLUMNS + where + " order by coalesce(i.granted_due_on, i.due_on), i.id limit "
				+ PAGE_SIZE + " offset " + (long) page * PAGE_SIZE, (row, n) -> row(row, today, now), arguments.toArray());
		return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
	}

	// Lists.

	/** A list as the issuer's lists show it, with its counts over every period so far. */
	public record ListRow(long id, String title, String issuerName, Recurrence recurrence, @Nullable Integer dueDay,
			LocalDate firstDueOn, @Nullable LocalDate untilOn, String leadOffice, long recipients, long instances,
			long accepted, long overdue, long unacknowledged) {

		public String href() {
			return "/tasks/lists/" + id;
		}

		/** Issued once, due on {@code firstDueOn}; else a recurrence on {@code dueDay}. */
		public boolean once() {
			return recurrence == Recurrence.ONCE;
		}

	}

	/**
	 * A list's line: its counts summed from {@code task_list_tally} (db/TALLIES.md), less the
	 * instances opening from 24 hours ago on, which the tally cannot tell apart (those not open yet
	 * count nowhere, those 待签收 among them are not yet 24 hours without 签收).
	 */
	private static final String LIST_COLUMNS = """
			select l.id, l.title, l.issuer_region_code, l.recurrence, l.due_day, l.first_due_on, l.until_on, l.lead_office,
			       (select count(*) from task_recipient r where r.list_id = l.id) as recipients,
			       c.instances - e.instances as instances, c.accepted - e.accepted as accepted,
			       c.overdue - e.overdue as overdue, c.unacknowledged - e.unacknowledged as unacknowledged
			from task_list l
			cross join lateral (
			    select coalesce(sum(t.instances), 0) as instances,
			           coalesce(sum(t.instances) filter (where t.state = 'ACCEPTED'), 0) as accepted,
			           coalesce(sum(t.instances) filter (where t.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')
			                                             and t.due_on < ?), 0) as overdue,
			           coalesce(sum(t.instances) filter (where t.state = 'PENDING'), 0) as unacknowledged
			    from task_list_tally t where t.list_id = l.id) c
			cross join lateral (
			    select count(*) filter (where i.opens_at > ?) as instances,
			           count(*) filter (where i.opens_at > ? and i.state = 'ACCEPTED') as accepted,
			           count(*) filter (where i.opens_at > ? and i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')
			                            and coalesce(i.granted_due_on, i.due_on) < ?) as overdue,
			           count(*) filter (where i.state = 'PENDING') as unacknowledged
			    from task_instance i where i.list_id = l.id and i.opens_at >= ?) e""";

	/** The lists issued by the user's region and the regions below it, newest first. */
	public Page<ListRow> lists(int page) {
		var prefix = scope.prefix() + "%";
		long total = Objects.requireNonNull(
				jdbc.queryForObject("select count(*) from task_list where issuer_region_code like ?", Long.class, prefix));
		var names = regions.nameLookup();
		var rows = jdbc.query(LIST_COLUMNS + " where l.issuer_region_code like ? order by l.issued_at desc, l.id desc limit "
				+ PAGE_SIZE + " offset " + (long) page * PAGE_SIZE, (row, n) -> listRow(row, names), listArguments(prefix));
		return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
	}

	/** The lists of a plan: its task breakdown. */
	private List<ListRow> listsOfPlan(long planId) {
		var names = regions.nameLookup();
		return jdbc.query(LIST_COLUMNS + " where l.plan_id = ? order by l.first_due_on, l.id", (row, n) -> listRow(row, names),
				listArguments(planId));
	}

	/** The arguments of {@link #LIST_COLUMNS}, then {@code last}: the where clause's. */
	private Object[] listArguments(Object last) {
		var now = Timestamp.from(clock.instant());
		var today = today();
		return new Object[] { today, now, now, now, today,
				Timestamp.from(clock.instant().minus(TaskInstance.ACKNOWLEDGE_WITHIN)), last };
	}

	private static ListRow listRow(ResultSet row, java.util.function.Function<String, String> names) throws SQLException {
		return new ListRow(row.getLong("id"), row.getString("title"), names.apply(row.getString("issuer_region_code")),
				Recurrence.valueOf(row.getString("recurrence")), (Integer) row.getObject("due_day"),
				row.getObject("first_due_on", LocalDate.class), row.getObject("until_on", LocalDate.class),
				row.getString("lead_office"), row.getLong("recipients"), row.getLong("instances"), row.getLong("accepted"),
				row.getLong("overdue"), row.getLong("unacknowledged"));
	}

	/** One recipient's line of a list: its instances by state, overdue, not acknowledged, completion. */
	public record RecipientLine(String key, String name, Map<TaskState, Long> byState, long instances, long overdue,
			long unacknowledged, @Nullable Double completionRate) {

		public long count(TaskState state) {
			return byState.getOrDefault(state, 0L);
		}

	}

	/** The issuer's view of a list: the list, its recipients × states, its periods and one period's instances. */
	public record ListPage(ListRow list, @Nullable String description, @Nullable Long planId, List<RecipientLine> recipients,
			RecipientLine total, List<String> periods, @Nullable String period, List<InstanceRow> instances) {
	}

	public ListPage listPage(long listId, @Nullable String period) {
		var issuer = jdbc.query("select issuer_region_code, description, plan_id from task_list where id = ?",
				(row, n) -> new Object[] { row.getString(1), row.getString(2), row.getObject(3) }, listId);
		if (issuer.isEmpty()) {
			throw new RecordNotFoundException("TaskList", listId);
		}
		scope.checkRegion((String) issuer.get(0)[0], "TaskList", listId);
		var names = regions.nameLookup();
		var list = jdbc.query(LIST_COLUMNS + " where l.id = ?", (row, n) -> listRow(row, names), listArguments(listId)).get(0);
		var now = clock.instant();
		var today = today();
		var lines = new LinkedHashMap<String, RecipientLine>();
		jdbc.query("select recipient_key, name from task_recipient where list_id = ? order by region_code, name", row -> {
			lines.put(row.getString(1), new RecipientLine(row.getString(1), row.getString(2), new EnumMap<>(TaskState.class),
					0, 0, 0, null));
		}, listId);
		jdbc.query("""
				select i.recipient_key, i.state, count(*) as n,
				       count(*) filter (where i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED')
				                        and coalesce(i.granted_due_on, i.due_on) < ?) as overdue,
				       count(*) filter (where i.state = 'PENDING' and i.opens_at < ?) as unacknowledged
				from task_instance i where i.list_id = ? and i.opens_at <= ? group by 1, 2""", row -> {
			var line = lines.get(row.getString(1));
			if (line != null) {
				line.byState().put(TaskState.valueOf(row.getString(2)), row.getLong(3));
				lines.put(line.key(), new RecipientLine(line.key(), line.name(), line.byState(), line.instances() + row.getLong(3),
						line.overdue() + row.getLong(4), line.unacknowledged() + row.getLong(5), null));
			}
		}, today, Timestamp.from(now.minus(TaskInstance.ACKNOWLEDGE_WITHIN)), listId, Timestamp.from(now));
		var recipients = lines.values().stream().map(TaskReading::withRate).toList();
		var total = new EnumMap<TaskState, Long>(TaskState.class);
		recipients.forEach(line -> line.byState().forEach((state, n) -> total.merge(state, n, Long::sum)));
		var totalLine = withRate(new RecipientLine("", "", total, recipients.stream().mapToLong(RecipientLine::instances).sum(),
				recipients.stream().mapToLong(RecipientLine::overdue).sum(),
				recipients.stream().mapToLong(RecipientLine::unacknowledged).sum(), null));
		var periods = jdbc.queryForList("select distinct period from task_instance where list_id = ? and opens_at <= ? order by 1 desc",
				String.class, listId, Timestamp.from(now));
		var chosen = period != null && periods.contains(period) ? period : periods.isEmpty() ? null : periods.get(0);
		var rows = chosen == null ? List.<InstanceRow>of()
				: jdbc.query(INSTANCE_COLUMNS + " where i.list_id = ? and i.period = ? order by i.region_code, i.recipient_name",
						(row, n) -> row(row, today, now), listId, chosen);
		return new ListPage(list, (String) issuer.get(0)[1], (Long) issuer.get(0)[2], recipients, totalLine, periods, chosen, rows);
	}

	private static RecipientLine withRate(RecipientLine line) {
		var rate = line.instances() == 0 ? null : org.pomegranate.shared.Percent.of(line.count(TaskState.ACCEPTED), line.instances());
		return new RecipientLine(line.key(), line.name(), line.byState(), line.instances(), line.overdue(),
				line.unacknowledged(), rate);
	}

	// One instance.

	/** An instance's page: the instance and its list, the timeline, the report's files and what the user may do. */
	public record InstancePage(TaskInstance instance, String title, @Nullable String description, String leadOffice,
			String issuerName, List<TaskEvent> timeline, List<StoredFileInfo> files, Set<TaskAction> allowed,
			boolean overdue, boolean unacknowledged) {

		public boolean may(String action) {
			return allowed.contains(TaskAction.valueOf(action));
		}

	}

	public InstancePage instance(long id) {
		var instance = scope.check(instances.findById(id), TaskSteps.ENTITY, id);
		var list = jdbc.queryForMap("select title, description, lead_office from task_list where id = ?", instance.getListId());
		var issuerName = regions.nameLookup().apply(instance.getIssuerRegionCode());
		return new InstancePage(instance, (String) list.get("title"), (String) list.get("description"),
				(String) list.get("lead_office"), issuerName, events.findByInstanceIdOrderByOccurredAtAscIdAsc(id),
				files.list(TaskSteps.REPORT_FILES, id), TaskSteps.allowed(instance, TaskSteps.actor()),
				instance.isOverdue(today()), instance.isUnacknowledged(clock.instant()));
	}

	/** Whether the user may see the instance: for its report files. */
	public boolean maySeeInstance(long id) {
		return instances.findById(id).filter(instance -> scope.contains(instance.getRegionCode())).isPresent();
	}

	// Plans.

	/** A plan as lists show it. */
	public record PlanRow(long id, String regionName, int year, String title, String leadOffice, @Nullable String summary,
			long lists) {

		public String href() {
			return "/plans/" + id;
		}

	}

	public Page<PlanRow> plans(int page) {
		var prefix = scope.prefix() + "%";
		long total = Objects.requireNonNull(
				jdbc.queryForObject("select count(*) from implementation_plan where region_code like ?", Long.class, prefix));
		var names = regions.nameLookup();
		var rows = jdbc.query("""
				select p.*, (select count(*) from task_list l where l.plan_id = p.id) as lists
				from implementation_plan p where p.region_code like ? order by p.year desc, p.id desc limit ? offset ?""",
				(row, n) -> planRow(row, names), prefix, PAGE_SIZE, (long) page * PAGE_SIZE);
		return new PageImpl<>(rows, PageRequest.of(page, PAGE_SIZE), total);
	}

	/** A plan's page: the plan, its documents and its task breakdown. */
	public record PlanPage(PlanRow plan, List<StoredFileInfo> documents, List<ListRow> tasks, boolean mayIssue) {
	}

	public PlanPage plan(long id) {
		var regionCode = jdbc.query("select region_code from implementation_plan where id = ?", (row, n) -> row.getString(1), id);
		if (regionCode.isEmpty()) {
			throw new RecordNotFoundException("ImplementationPlan", id);
		}
		scope.checkRegion(regionCode.get(0), "ImplementationPlan", id);
		var names = regions.nameLookup();
		var plan = jdbc.query("""
				select p.*, (select count(*) from task_list l where l.plan_id = p.id) as lists
				from implementation_plan p where p.id = ?""", (row, n) -> planRow(row, names), id).get(0);
		boolean mayIssue = regionCode.get(0).equals(scope.prefix())
				&& org.pomegranate.shared.CurrentRoles.anyOf("ADMIN", "SUPERVISOR");
		return new PlanPage(plan, files.list(TaskIssuing.PLAN_FILES, id), listsOfPlan(id), mayIssue);
	}

	/** Whether the user may see the plan: for its documents. */
	public boolean maySeePlan(long id) {
		var regionCode = jdbc.query("select region_code from implementation_plan where id = ?", (row, n) -> row.getString(1), id);
		return !regionCode.isEmpty() && scope.contains(regionCode.get(0));
	}

	private static PlanRow planRow(ResultSet row, java.util.function.Function<String, String> names) throws SQLException {
		return new PlanRow(row.getLong("id"), names.apply(row.getString("region_code")), row.getInt("year"),
				row.getString("title"), row.getString("lead_office"), row.getString("summary"), row.getLong("lists"));
	}

	private InstanceRow row(ResultSet row, LocalDate today, Instant now) throws SQLException {
		var state = TaskState.valueOf(row.getString("state"));
		var due = row.getObject("due_on", LocalDate.class);
		var granted = row.getObject("granted_due_on", LocalDate.class);
		var effective = granted != null ? granted : due;
		var opens = row.getTimestamp("opens_at").toInstant();
		return new InstanceRow(row.getLong("id"), row.getLong("list_id"), row.getString("title"),
				row.getString("recipient_name"), row.getString("period"), state, effective, granted != null,
				state.owing() && effective.isBefore(today),
				state == TaskState.PENDING && opens.plus(TaskInstance.ACKNOWLEDGE_WITHIN).isBefore(now),
				row.getObject("extension_wanted_on") != null);
	}

	private LocalDate today() {
		return ChinaTime.today(clock);
	}

}
