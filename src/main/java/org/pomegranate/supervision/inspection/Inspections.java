package org.pomegranate.supervision.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.hibernate.Hibernate;
import org.pomegranate.account.AccountService;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.supervision.inspection.InspectionForms.FindingForm;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Inspections (督查) and their findings: supervisors and admins of the issuing region (or above)
 * create one, with its team and its targets in their subtree, and record what it found at each
 * target, with evidence; each finding orders its rectification, due by the deadline the severity
 * gives unless the inspector sets another. Every record keeper of the region reads them.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Inspections {

	static final String ENTITY = "Inspection";

	public static final int MAX_EVIDENCE = 5;

	private final InspectionRepository inspections;

	private final FindingRepository findings;

	private final Rectifications rectifications;

	private final FileStore files;

	private final CampaignUnits units;

	private final AccountService accounts;

	private final RegionService regions;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	Inspections(InspectionRepository inspections, FindingRepository findings, Rectifications rectifications,
			FileStore files, CampaignUnits units, AccountService accounts, RegionService regions, RegionScope scope,
			SubmissionTokens submissions, AuditLog auditLog, Clock clock) {
		this.inspections = inspections;
		this.findings = findings;
		this.rectifications = rectifications;
		this.files = files;
		this.units = units;
		this.accounts = accounts;
		this.regions = regions;
		this.scope = scope;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** The inspection with its team and targets loaded, for a page that shows them after the transaction. */
	public Inspection get(long id) {
		var inspection = scope.check(inspections.findById(id), ENTITY, id);
		Hibernate.initialize(inspection.getTeam());
		Hibernate.initialize(inspection.getTargets());
		return inspection;
	}

	/** The inspections issued in the user's subtree, the latest first. */
	public Page<Inspection> list(Pageable pageable) {
		return inspections.findAll(scope.specification(), pageable);
	}

	/** What the user may do with inspections: create them. Reads no row. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean mayCreate() {
		return CurrentRoles.anyOf("ADMIN", "SUPERVISOR");
	}

	/** Whether the user runs this inspection: a supervisor or admin of its issuing region or above. */
	public boolean mayRun(Inspection inspection) {
		return CurrentRoles.anyOf("ADMIN", "SUPERVISOR") && scope.region().covers(RegionCode.of(inspection.getRegionCode()));
	}

	/** Creates an inspection of the user's own region; the same form sent twice makes one. */
	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Inspection create(@Valid InspectionForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return get(earlier.get());
		}
		var problems = new FieldProblems();
		var startsOn = FormValues.date(form.startsOn());
		if (startsOn.isEmpty()) {
			problems.reject("startsOn", "validation.date");
		}
		var endsOn = FormValues.blank(form.endsOn()) ? startsOn : FormValues.date(form.endsOn());
		if (endsOn.isEmpty()) {
			problems.reject("endsOn", "validation.date");
		}
		else if (startsOn.isPresent() && endsOn.get().isBefore(startsOn.get())) {
			problems.reject("endsOn", "inspection.error.endsBeforeStart");
		}
		var issuing = scope.prefix();
		var targets = new ArrayList<Inspection.Target>();
		var names = regions.nameLookup();
		for (var code : FormValues.items(form.targetRegions())) {
			if (!scope.contains(code) || regions.find(code).isEmpty()) {
				problems.reject("targetRegions", "inspection.error.targetRegion");
			}
			else {
				targets.add(new Inspection.Target(code, null, names.apply(code)));
			}
		}
		var unitIds = FormValues.ids(form.targetUnits());
		if (unitIds.isEmpty()) {
			problems.reject("targetUnits", "inspection.error.targetUnit");
		}
		else {
			for (var id : unitIds.get()) {
				var unit = units.find(id);
				if (unit.isEmpty()) {
					problems.reject("targetUnits", "inspection.error.targetUnit");
				}
				else {
					targets.add(new Inspection.Target(unit.get().regionCode(), id, unit.get().name()));
				}
			}
		}
		if (targets.isEmpty()) {
			problems.reject("targetRegions", "inspection.error.noTarget");
		}
		var team = new ArrayList<Inspection.TeamMember>();
		for (var username : FormValues.items(form.teamUsers())) {
			var user = accounts.enabledUser(username).filter(u -> scope.contains(u.regionCode()));
			if (user.isEmpty()) {
				problems.reject("teamUsers", "inspection.error.teamUser");
			}
			else {
				team.add(new Inspection.TeamMember(user.get().username(), user.get().displayName()));
			}
		}
		for (var line : (form.outsideMembers() == null ? "" : form.outsideMembers()).split("\\R")) {
			var name = FormText.clean(line);
			if (name != null) {
				team.add(new Inspection.TeamMember(null, name));
			}
		}
		var articles = FormValues.ids(form.articleIds());
		if (articles.isEmpty()) {
			problems.reject("articleIds", "inspection.error.ids");
		}
		var tasks = FormValues.ids(form.taskIds());
		if (tasks.isEmpty()) {
			problems.reject("taskIds", "inspection.error.ids");
		}
		var naming = FormValues.id(form.namingId());
		if (!FormValues.blank(form.namingId()) && naming.isEmpty()) {
			problems.reject("namingId", "inspection.error.ids");
		}
		problems.throwIfAny();
		var inspection = inspections.saveAndFlush(new Inspection(Objects.requireNonNull(form.submission()), issuing,
				Objects.requireNonNull(form.kind()), Objects.requireNonNull(FormText.clean(form.title())), startsOn.get(),
				endsOn.get(), naming.orElse(null), articles.get(), tasks.get(), team, targets, scope.currentUsername()));
		claim.made(inspection.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, inspection.getId(), inspection.getTitle());
		return inspection;
	}

	/** A finding with its rectification and evidence, as the inspection's page lists it. */
	public record FindingRow(Finding finding, Rectification rectification, List<StoredFileInfo> evidence) {
	}

	public List<FindingRow> findings(Inspection inspection) {
		var found = findings.findByInspectionIdOrderById(inspection.getId());
		var ids = found.stream().map(Finding::getId).toList();
		Map<Long, Rectification> byFinding = rectifications.ofFindings(ids)
			.stream()
			.collect(Collectors.toMap(Rectification::getFindingId, Function.identity()));
		var evidence = files.list(FindingEvidence.KIND, ids);
		return found.stream()
			.map(f -> new FindingRow(f, byFinding.get(f.getId()), evidence.getOrDefault(f.getId(), List.of())))
			.toList();
	}

	/** The deadline a finding of this severity gets when the inspector sets none. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public LocalDate defaultDueOn(Severity severity, LocalDate foundOn) {
		return foundOn.plusDays(severity.defaultDays());
	}

	/**
	 * Records a finding at one of the inspection's targets with its evidence, and orders its
	 * rectification; uploads that are too big, empty or of a wrong type refuse the form before
	 * anything is written. The same form sent twice makes one finding.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Finding recordFinding(long inspectionId, @Valid FindingForm form, List<Upload> evidence) {
		var inspection = get(inspectionId);
		if (!mayRun(inspection)) {
			throw new BusinessRuleException("inspection.refused.notInspector");
		}
		var claim = submissions.claim(form.submission(), "Finding");
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return findings.findById(earlier.get()).orElseThrow(() -> new RecordNotFoundException("Finding", earlier.get()));
		}
		var problems = new FieldProblems();
		var target = inspection.getTargets().stream().filter(t -> t.key().equals(FormText.clean(form.target()))).findFirst();
		if (target.isEmpty()) {
			problems.reject("target", "inspection.error.findingTarget");
		}
		var today = ChinaTime.today(clock);
		var severity = Objects.requireNonNull(form.severity());
		var dueOn = FormValues.blank(form.dueOn()) ? Optional.of(defaultDueOn(severity, today))
				: FormValues.date(form.dueOn());
		if (dueOn.isEmpty()) {
			problems.reject("dueOn", "validation.date");
		}
		else if (!dueOn.get().isAfter(today)) {
			problems.reject("dueOn", "rectification.error.newDueOn");
		}
		var article = FormValues.id(form.articleId());
		if (!FormValues.blank(form.articleId()) && article.isEmpty()) {
			problems.reject("articleId", "inspection.error.ids");
		}
		var task = FormValues.id(form.taskId());
		if (!FormValues.blank(form.taskId()) && task.isEmpty()) {
			problems.reject("taskId", "inspection.error.ids");
		}
		if (evidence.size() > MAX_EVIDENCE) {
			problems.reject("evidence", "inspection.error.evidenceCount");
		}
		for (var upload : evidence) {
			files.check(FindingEvidence.KIND, upload).ifPresent(refusal -> problems.reject("evidence", switch (refusal) {
				case EMPTY -> "inspection.error.evidenceEmpty";
				case TOO_BIG -> "inspection.error.evidenceTooBig";
				case WRONG_TYPE -> "inspection.error.evidenceType";
			}));
		}
		problems.throwIfAny();
		var finding = findings.saveAndFlush(new Finding(inspection, target.get(),
				Objects.requireNonNull(FormText.clean(form.description())), severity, article.orElse(null),
				task.orElse(null), today, scope.currentUsername()));
		for (var upload : evidence) {
			files.store(FindingEvidence.KIND, finding.getId(), finding.getRegionCode(), upload);
		}
		rectifications.openForFinding(finding, inspection.getRegionCode(), dueOn.get(), Actor.current());
		claim.made(finding.getId());
		auditLog.record(AuditAction.CREATE, "Finding", finding.getId(), inspection.getTitle());
		return finding;
	}

	/** Whether the signed-in user may see the finding (its evidence answers as it does). */
	boolean maySeeFinding(long findingId) {
		return findings.findById(findingId).filter(f -> scope.contains(f.getRegionCode())).isPresent();
	}

	/** The names of the regions the rows name, for a page. */
	public Map<String, String> regionNames(List<String> codes) {
		return regions.names(codes);
	}

}
