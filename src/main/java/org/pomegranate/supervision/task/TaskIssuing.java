package org.pomegranate.supervision.task;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.supervision.task.TaskForms.IssueForm;
import org.pomegranate.supervision.task.TaskForms.PlanForm;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Writing plans and issuing task lists. A plan belongs to the admin's own region; a list is issued
 * by an admin or a supervisor of their own region (the 督查 office issues as the campaign office
 * does, seed 001) to regions below it and to units in its subtree, and its instances are made at
 * once up to the next period ({@link TaskGeneration}). A double submit makes one record.
 */
@Service
@Validated
public class TaskIssuing {

	/** The file store's owner kind of a plan's documents. */
	public static final String PLAN_FILES = "task-plan";

	private final JdbcTemplate jdbc;

	private final RegionScope scope;

	private final RegionService regions;

	private final CampaignUnits units;

	private final FileStore files;

	private final SubmissionTokens submissions;

	private final AuditLog audit;

	private final TaskGeneration generation;

	private final Clock clock;

	TaskIssuing(JdbcTemplate jdbc, RegionScope scope, RegionService regions, CampaignUnits units, FileStore files,
			SubmissionTokens submissions, AuditLog audit, TaskGeneration generation, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.regions = regions;
		this.units = units;
		this.files = files;
		this.submissions = submissions;
		this.audit = audit;
		this.generation = generation;
		this.clock = clock;
	}

	/** What the pages offer: writing a plan (admins), issuing a list (admins and supervisors). */
	public record Permissions(boolean writePlan, boolean issue) {
	}

	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("ADMIN"), CurrentRoles.anyOf("ADMIN", "SUPERVISOR"));
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/** A recipient the issuer may choose: {@code R:<code>} or {@code U:<id>}, and its name. */
	public record RecipientOption(String key, String name) {
	}

	/**
	 * The recipients the issue form offers: the regions directly below the user's, the units of the
	 * user's own region, and the units whose name contains {@code unitName} anywhere below (at most 50).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	public List<RecipientOption> recipientOptions(@Nullable String unitName) {
		var own = scope.prefix();
		var options = new ArrayList<RecipientOption>();
		regions.activeChildren(own).forEach(region -> options.add(new RecipientOption("R:" + region.getCode(), region.getName())));
		units.search(null, own, null, 200)
			.stream()
			.filter(unit -> unit.regionCode().equals(own))
			.forEach(unit -> options.add(new RecipientOption("U:" + unit.id(), unit.name())));
		var name = FormText.clean(unitName);
		if (name != null && !name.isBlank()) {
			units.search(null, own, name.strip(), 50)
				.stream()
				.filter(unit -> !unit.regionCode().equals(own))
				.forEach(unit -> options.add(new RecipientOption("U:" + unit.id(), unit.name())));
		}
		return options;
	}

	/** The plans of the user's own region, for the issue form's choice. */
	@Transactional(readOnly = true)
	public Map<Long, String> ownPlans() {
		var plans = new LinkedHashMap<Long, String>();
		jdbc.query("select id, year, title from implementation_plan where region_code = ? order by year desc, id desc",
				row -> {
					plans.put(row.getLong("id"), row.getInt("year") + " " + row.getString("title"));
				}, scope.prefix());
		return plans;
	}

	/** Writes a plan of the admin's own region with its documents; refused uploads write nothing. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public long createPlan(@Valid PlanForm form, List<Upload> documents) {
		var problems = new FieldProblems();
		for (var upload : documents) {
			files.check(PLAN_FILES, upload).ifPresent(refusal -> problems.reject("files", "task.file." + refusal.name()));
		}
		problems.throwIfAny();
		var claim = submissions.claim(form.submission(), "implementation-plan");
		if (claim.earlierId().isPresent()) {
			return claim.earlierId().get();
		}
		var region = scope.prefix();
		long id = Objects.requireNonNull(jdbc.queryForObject("""
				insert into implementation_plan (region_code, year, title, lead_office, summary, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""", Long.class, region, form.yearNumber(), clean(form.title()),
				clean(form.leadOffice()), cleanOrNull(form.summary()), scope.currentUsername()));
		for (var upload : documents) {
			files.store(PLAN_FILES, id, region, upload);
		}
		claim.made(id);
		audit.record(AuditAction.CREATE, "ImplementationPlan", id, form.yearNumber() + " " + clean(form.title()));
		return id;
	}

	/** Issues a list from the user's own region and makes its instances up to the next period. */
	@Transactional
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	public long issue(@Valid IssueForm form) {
		var issuer = scope.prefix();
		var today = today();
		var problems = new FieldProblems();
		var firstDueOn = FormText.date(form.firstDueOn());
		if (firstDueOn == null) {
			problems.reject("firstDueOn", "validation.date");
		}
		LocalDate untilOn = null;
		if (FormText.clean(form.untilOn()) != null && !Objects.requireNonNull(FormText.clean(form.untilOn())).isBlank()) {
			untilOn = FormText.date(form.untilOn());
			if (untilOn == null) {
				problems.reject("untilOn", "validation.date");
			}
			else if (firstDueOn != null && untilOn.isBefore(firstDueOn)) {
				problems.reject("untilOn", "task.error.untilBeforeFirst");
			}
		}
		var recurrence = Objects.requireNonNull(form.recurrence());
		Integer dueDay = FormText.wholeNumber(form.dueDay());
		if (recurrence == Recurrence.ONCE) {
			dueDay = null;
			if (firstDueOn != null && firstDueOn.isBefore(today)) {
				problems.reject("firstDueOn", "task.error.pastDue");
			}
		}
		else if (dueDay == null) {
			problems.reject("dueDay", "validation.required");
		}
		if (form.planId() != null && !Boolean.TRUE.equals(jdbc.queryForObject(
				"select exists (select 1 from implementation_plan where id = ? and region_code = ?)", Boolean.class,
				form.planId(), issuer))) {
			problems.reject("planId", "task.error.plan");
		}
		var recipients = recipients(form.chosen(), issuer, problems);
		problems.throwIfAny();
		var claim = submissions.claim(form.submission(), "task-list");
		if (claim.earlierId().isPresent()) {
			return claim.earlierId().get();
		}
		var user = currentUser();
		long id = Objects.requireNonNull(jdbc.queryForObject("""
				insert into task_list (plan_id, issuer_region_code, title, description, lead_office, recurrence, due_day,
				                       first_due_on, until_on, issued_by, issued_by_name, issued_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, form.planId(), issuer,
				clean(form.title()), cleanOrNull(form.description()), clean(form.leadOffice()), recurrence.name(), dueDay,
				firstDueOn, untilOn, user.getUsername(), user.displayName(), Timestamp.from(clock.instant())));
		jdbc.batchUpdate("insert into task_recipient (list_id, recipient_key, region_code, unit_id, name) values (?, ?, ?, ?, ?)",
				recipients.stream().map(r -> new Object[] { id, r.key(), r.regionCode(), r.unitId(), r.name() }).toList());
		int made = generation.generate(id, today);
		claim.made(id);
		audit.record(AuditAction.CREATE, "TaskList", id, clean(form.title()) + "（" + recipients.size() + " 个接收方，" + made + " 条任务）");
		return id;
	}

	private record Recipient(String key, String regionCode, @Nullable Long unitId, String name) {
	}

	/** The chosen recipients, each a region strictly below the issuer's or a unit in its subtree. */
	private List<Recipient> recipients(List<String> chosen, String issuer, FieldProblems problems) {
		var issuerRegion = RegionCode.of(issuer);
		var found = new LinkedHashMap<String, Recipient>();
		for (var key : chosen) {
			if (key.startsWith("R:")) {
				var code = RegionCode.parse(key.substring(2));
				var region = code.filter(c -> issuerRegion.covers(c) && !c.equals(issuerRegion))
					.flatMap(c -> regions.find(c.toString()))
					.filter(r -> !r.isRetired());
				if (region.isEmpty()) {
					problems.reject("recipients", "task.error.recipient");
					continue;
				}
				found.put(key, new Recipient(key, region.get().getCode(), null, region.get().getName()));
			}
			else if (key.startsWith("U:") && key.substring(2).matches("\\d{1,18}")) {
				long unitId = Long.parseLong(key.substring(2));
				var unit = units.find(unitId).filter(u -> u.active() && issuerRegion.covers(RegionCode.of(u.regionCode())));
				if (unit.isEmpty()) {
					problems.reject("recipients", "task.error.recipient");
					continue;
				}
				found.put(key, new Recipient(key, unit.get().regionCode(), unitId, unit.get().name()));
			}
			else {
				problems.reject("recipients", "task.error.recipient");
			}
		}
		if (found.isEmpty()) {
			problems.reject("recipients", "task.error.noRecipients");
		}
		return List.copyOf(found.values());
	}

	static CurrentUser currentUser() {
		if (RegionScope.currentPrincipal().orElse(null) instanceof CurrentUser user) {
			return user;
		}
		throw new IllegalStateException("No signed-in user");
	}

	private static String clean(@Nullable String text) {
		return Objects.requireNonNull(FormText.clean(text)).strip();
	}

	private static @Nullable String cleanOrNull(@Nullable String text) {
		var clean = FormText.clean(text);
		return clean == null || clean.isBlank() ? null : clean.strip();
	}

}
