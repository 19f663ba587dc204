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
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.IndicatorArticles;
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
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.supervision.inspection.InspectionForms.FindingForm;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
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

	private final TargetPicker picker;

	private final IndicatorArticles articles;

	private final RegionService regions;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	Inspections(InspectionRepository inspections, FindingRepository findings, Rectifications rectifications,
			FileStore files, TargetPicker picker, IndicatorArticles articles, RegionService regions, RegionScope scope,
			SubmissionTokens submissions, AuditLog auditLog, Clock clock) {
		this.inspections = inspections;
		this.findings = findings;
		this.rectifications = rectifications;
		this.files = files;
		this.picker = picker;
		this.articles = articles;
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
		var content = read(form);
		var inspection = inspections.saveAndFlush(new Inspection(Objects.requireNonNull(form.submission()),
				scope.prefix(), content, scope.currentUsername()));
		claim.made(inspection.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, inspection.getId(), inspection.getTitle());
		return inspection;
	}

	/** Whether the inspection may still be edited: the user runs it and none of its rectifications is verified. */
	public boolean mayEdit(Inspection inspection) {
		return mayRun(inspection) && !rectifications.anyVerified(findingIds(inspection));
	}

	/**
	 * Edits the inspection's kind, title, days, team and targets, as long as none of its
	 * rectifications is verified; a form opened before another edit is refused as stale, and a
	 * target that already has findings cannot be dropped.
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Inspection edit(long id, @Valid InspectionForm form) {
		var inspection = get(id);
		if (!mayRun(inspection)) {
			throw new BusinessRuleException("inspection.refused.notInspector");
		}
		StaleEdits.requireVersion(inspection.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		var found = findings.findByInspectionIdOrderById(id);
		if (rectifications.anyVerified(found.stream().map(Finding::getId).toList())) {
			throw new BusinessRuleException("inspection.refused.verified");
		}
		var content = read(form);
		var problems = new FieldProblems();
		for (var finding : found) {
			boolean kept = content.targets()
				.stream()
				.anyMatch(t -> t.getRegionCode().equals(finding.getRegionCode())
						&& Objects.equals(t.getUnitId(), finding.getUnitId()));
			if (!kept) {
				problems.reject(finding.getUnitId() == null ? "targetRegions" : "targetUnits",
						"inspection.error.targetHasFindings");
			}
		}
		problems.throwIfAny();
		inspection.edit(content);
		var saved = inspections.saveAndFlush(inspection);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, saved.getTitle());
		return get(id);
	}

	private List<Long> findingIds(Inspection inspection) {
		return findings.findByInspectionIdOrderById(inspection.getId()).stream().map(Finding::getId).toList();
	}

	/**
	 * Reads a form into an inspection's content: every picked target and member is read again
	 * through the {@link TargetPicker}, so a value the form did not offer (another county's, a
	 * forged id) is refused with its field's message and nothing is written.
	 */
	private Inspection.Content read(InspectionForm form) {
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
		var targets = new ArrayList<Inspection.Target>();
		for (var code : distinct(form.targetRegions())) {
			picker.region(code).ifPresentOrElse(t -> targets.add(new Inspection.Target(t.regionCode(), null, t.name())),
					() -> problems.reject("targetRegions", "inspection.error.targetRegion"));
		}
		for (var key : distinct(form.targetUnits())) {
			picker.unit(key).ifPresentOrElse(t -> targets.add(new Inspection.Target(t.regionCode(), t.unitId(), t.name())),
					() -> problems.reject("targetUnits", "inspection.error.targetUnit"));
		}
		if (targets.isEmpty()) {
			problems.reject("targetRegions", "inspection.error.noTarget");
		}
		var team = new ArrayList<Inspection.TeamMember>();
		for (var username : distinct(form.teamUsers())) {
			picker.member(username).ifPresentOrElse(
					user -> team.add(new Inspection.TeamMember(user.username(), user.displayName())),
					() -> problems.reject("teamUsers", "inspection.error.teamUser"));
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
		return new Inspection.Content(Objects.requireNonNull(form.kind()), Objects.requireNonNull(FormText.clean(form.title())),
				startsOn.get(), endsOn.get(), naming.orElse(null), articles.get(), tasks.get(), team, targets);
	}

	private static List<String> distinct(@Nullable List<String> values) {
		return values == null ? List.of()
				: values.stream().map(FormText::clean).filter(Objects::nonNull).map(Objects::requireNonNull).distinct().toList();
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
		var article = FormValues.id(form.articleId()).flatMap(articles::find);
		if (!FormValues.blank(form.articleId()) && article.isEmpty()) {
			problems.reject("articleId", "finding.error.article");
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
				Objects.requireNonNull(FormText.clean(form.description())), severity, article.map(IndicatorArticles.ArticleRef::id).orElse(null),
				task.orElse(null), today, scope.currentUsername()));
		for (var upload : evidence) {
			files.store(FindingEvidence.KIND, finding.getId(), finding.getRegionCode(), upload);
		}
		rectifications.openForFinding(finding, inspection.getRegionCode(), dueOn.get(), Actor.current());
		claim.made(finding.getId());
		auditLog.record(AuditAction.CREATE, "Finding", finding.getId(), inspection.getTitle());
		return finding;
	}

	/** The finding with its rectification if the user may see it (its region in scope): what a petition raised from it shows. */
	public Optional<FindingRow> visibleFinding(long findingId) {
		return findings.findById(findingId)
			.filter(f -> scope.contains(f.getRegionCode()))
			.flatMap(f -> rectifications.ofFindings(List.of(f.getId()))
				.stream()
				.findFirst()
				.map(r -> new FindingRow(f, r, List.of())));
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
