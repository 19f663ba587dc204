package org.pomegranate.supervision.inspection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.supervision.inspection.InspectionForms.ReportForm;
import org.pomegranate.supervision.inspection.InspectionForms.VerifyForm;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The rectifications (整改): the ledger with its filters and export, the responsible side's inbox,
 * each one's timeline, and its steps — the report by the responsible side, 通过 / 未通过 by the
 * issuing side — each decided by {@link Rectification#refusal}. Findings and published criticisms
 * order them through {@link #openForFinding} and {@link #openForNotice}.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Rectifications {

	static final String ENTITY = "Rectification";

	public static final int MAX_EVIDENCE = 5;

	/** At most this many rows in each group of the inbox; the ledger holds the rest. */
	static final int INBOX_LIMIT = 50;

	private final RectificationRepository rectifications;

	private final RectificationStepRepository steps;

	private final FileStore files;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final Clock clock;

	Rectifications(RectificationRepository rectifications, RectificationStepRepository steps, FileStore files,
			RegionScope scope, AuditLog auditLog, Clock clock) {
		this.rectifications = rectifications;
		this.steps = steps;
		this.files = files;
		this.scope = scope;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public Rectification get(long id) {
		return scope.check(rectifications.findById(id), ENTITY, id);
	}

	public Page<Rectification> search(RectificationQuery query, Pageable pageable) {
		return rectifications.findAll(where(query), pageable);
	}

	/** Hands every rectification the query finds to {@code sink}, a page at a time, for the export. */
	@Transactional
	public long export(RectificationQuery query, Consumer<Rectification> sink) {
		var where = where(query);
		long count = Paging.forEach(pageable -> rectifications.findAll(where, pageable),
				Sort.by(Sort.Direction.DESC, "openedOn", "id"), sink);
		auditLog.record(AuditAction.EXPORT, ENTITY, "list", count + " 件");
		return count;
	}

	public List<Rectification> ofFindings(List<Long> findingIds) {
		return findingIds.isEmpty() ? List.of()
				: rectifications.findByFindingIdIn(findingIds).stream().filter(r -> scope.contains(r.getRegionCode())).toList();
	}

	/**
	 * Whether the user may register the finding behind this rectification as a petition, when it
	 * really is a citizen's demand: staff and admins of its responsible region (or above).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean mayRaisePetition(Rectification rectification) {
		return rectification.getFindingId() != null && CurrentRoles.anyOf("STAFF", "ADMIN")
				&& scope.contains(rectification.getRegionCode());
	}

	/** Whether any of the findings' rectifications is verified (已通过), whoever may see it: an inspection then stays as it was. */
	boolean anyVerified(List<Long> findingIds) {
		return !findingIds.isEmpty()
				&& rectifications.findByFindingIdIn(findingIds).stream().anyMatch(r -> r.getState() == RectificationState.VERIFIED);
	}

	public List<Rectification> ofNotice(long noticeId) {
		return rectifications.findByNoticeIdOrderById(noticeId).stream().filter(r -> scope.contains(r.getRegionCode())).toList();
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/**
	 * The responsible side's inbox (整改待办): to report (ordered, not yet reported), returned (未通过,
	 * with a new deadline), overdue; and for the issuing side, reports waiting for verification, and
	 * the overdue rectifications of the regions directly below, which escalate here.
	 */
	public record Inbox(List<Rectification> toReport, List<Rectification> returned, List<Rectification> overdue,
			List<Rectification> toVerify, List<Rectification> escalated) {
	}

	public Inbox inbox() {
		var actor = Actor.current();
		var today = today();
		var page = PageRequest.of(0, INBOX_LIMIT, Sort.by("dueOn", "id"));
		// Mine to report, as Rectification.isResponsibleSide decides: my own region's, or below it and not issued by my side.
		Specification<Rectification> mine = (root, q, cb) -> cb.or(cb.equal(root.get("regionCode"), actor.regionCode()),
				cb.and(cb.like(root.get("regionCode"), actor.regionCode() + "%"),
						cb.not(cb.like(cb.literal(actor.regionCode()), cb.concat(root.get("issuingRegionCode"), "%")))));
		List<Rectification> toReport = List.of();
		List<Rectification> returned = List.of();
		List<Rectification> overdue = List.of();
		if (Rectification.REPORTERS.contains(actor.role())) {
			toReport = rectifications.findAll(mine.and(inState(RectificationState.OPEN)).and(notOverdue(today)), page)
				.getContent();
			returned = rectifications.findAll(mine.and(inState(RectificationState.RETURNED)).and(notOverdue(today)), page)
				.getContent();
			overdue = rectifications.findAll(mine.and(overdueOn(today)), page).getContent();
		}
		List<Rectification> toVerify = List.of();
		List<Rectification> escalated = List.of();
		if (Rectification.VERIFIERS.contains(actor.role())) {
			Specification<Rectification> issuedHere = (root, q, cb) -> cb.and(
					cb.like(root.get("regionCode"), actor.regionCode() + "%"),
					cb.like(root.get("issuingRegionCode"), actor.regionCode() + "%"));
			toVerify = rectifications.findAll(issuedHere.and(inState(RectificationState.REPORTED)), page).getContent();
			Specification<Rectification> above = (root, q, cb) -> cb.equal(root.get("regionAbove"), actor.regionCode());
			escalated = rectifications.findAll(above.and(overdueOn(today)), page).getContent();
		}
		return new Inbox(toReport, returned, overdue, toVerify, escalated);
	}

	/** The steps this user may take on the rectification now: what its page offers. */
	public EnumSet<RectificationAction> allowedActions(Rectification rectification) {
		var actor = Actor.current();
		var allowed = EnumSet.noneOf(RectificationAction.class);
		for (var action : RectificationAction.values()) {
			if (rectification.refusal(action, actor).isEmpty()) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	public List<RectificationStep> timeline(long id) {
		get(id);
		return steps.findByRectificationIdOrderByActedAtAscIdAsc(id);
	}

	/** The files of each step, by step id. */
	public Map<Long, List<StoredFileInfo>> filesByStep(long id) {
		return files.list(RectificationFiles.KIND, timeline(id).stream().map(RectificationStep::getId).toList());
	}

	// The steps

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Rectification report(long id, @Valid ReportForm form, List<Upload> evidence) {
		var rectification = get(id);
		StaleEdits.requireVersion(rectification.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		var actor = Actor.current();
		// The rule first: a form of someone who may not report is refused as such, not for its files.
		rectification.refusal(RectificationAction.REPORT, actor).ifPresent(refused -> {
			throw new BusinessRuleException(refused);
		});
		var problems = new FieldProblems();
		if (evidence.size() > MAX_EVIDENCE) {
			problems.reject("evidence", "inspection.error.evidenceCount");
		}
		for (var upload : evidence) {
			files.check(RectificationFiles.KIND, upload).ifPresent(refusal -> problems.reject("evidence", switch (refusal) {
				case EMPTY -> "inspection.error.evidenceEmpty";
				case TOO_BIG -> "inspection.error.evidenceTooBig";
				case WRONG_TYPE -> "inspection.error.evidenceType";
			}));
		}
		problems.throwIfAny();
		var step = steps.save(rectification.report(actor, Objects.requireNonNull(FormText.clean(form.measures())), today()));
		rectifications.saveAndFlush(rectification);
		for (var upload : evidence) {
			files.store(RectificationFiles.KIND, step.getId(), rectification.getRegionCode(), upload);
		}
		return rectification;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Rectification pass(long id, @Valid VerifyForm form) {
		var rectification = get(id);
		StaleEdits.requireVersion(rectification.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		steps.save(rectification.pass(Actor.current(), FormText.clean(form.comment()), today()));
		return rectifications.saveAndFlush(rectification);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Rectification fail(long id, @Valid VerifyForm form) {
		var rectification = get(id);
		StaleEdits.requireVersion(rectification.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		var actor = Actor.current();
		rectification.refusal(RectificationAction.FAIL, actor).ifPresent(refused -> {
			throw new BusinessRuleException(refused);
		});
		var problems = new FieldProblems();
		var reason = FormText.clean(form.comment());
		if (reason == null) {
			problems.reject("comment", "rectification.error.reason");
		}
		var newDueOn = FormValues.date(form.newDueOn());
		if (newDueOn.isEmpty()) {
			problems.reject("newDueOn", "validation.date");
		}
		else if (!newDueOn.get().isAfter(today())) {
			problems.reject("newDueOn", "rectification.error.newDueOn");
		}
		problems.throwIfAny();
		steps.save(rectification.fail(actor, Objects.requireNonNull(reason), newDueOn.get(), today()));
		return rectifications.saveAndFlush(rectification);
	}

	/** Orders the rectification of a finding just recorded, in the same transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	Rectification openForFinding(Finding finding, String issuingRegionCode, LocalDate dueOn, Actor actor) {
		var rectification = rectifications.saveAndFlush(Rectification.ofFinding(finding, issuingRegionCode, dueOn));
		steps.save(rectification.opened(actor));
		return rectification;
	}

	/** One target of a criticism being published, whom it orders to rectify by {@code dueOn} (督促限期整改). */
	public record NoticeTarget(String regionCode, @Nullable Long unitId, String name) {
	}

	/** Orders a rectification of each target of a criticism being published, in the same transaction. */
	@Transactional(propagation = Propagation.MANDATORY)
	@PreAuthorize("hasRole('ADMIN')")
	public List<Rectification> openForNotice(long noticeId, String issuingRegionCode, String subject,
			List<NoticeTarget> targets, LocalDate dueOn, Actor actor) {
		var made = new ArrayList<Rectification>();
		for (var target : targets) {
			scope.checkRegion(target.regionCode(), ENTITY, target.regionCode());
			var rectification = rectifications.saveAndFlush(Rectification.ofNotice(noticeId, target.regionCode(),
					target.unitId(), target.name(), issuingRegionCode, subject, today(), dueOn));
			steps.save(rectification.opened(actor));
			made.add(rectification);
		}
		return made;
	}

	// Queries

	private Specification<Rectification> where(RectificationQuery query) {
		Specification<Rectification> where = scope.specification();
		var region = FormText.clean(query.region());
		if (region != null) {
			// A code outside the scope finds nothing, exactly as a code that does not exist.
			var code = scope.contains(region) ? region : "-";
			where = where.and((root, q, cb) -> cb.like(root.get("regionCode"), code + "%"));
		}
		if (query.state() != null) {
			where = where.and(inState(query.state()));
		}
		if (query.severity() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get("severity"), query.severity()));
		}
		if (query.source() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get("source"), query.source()));
		}
		if (Boolean.TRUE.equals(query.overdue())) {
			where = where.and(overdueOn(today()));
		}
		else if (Boolean.FALSE.equals(query.overdue())) {
			where = where.and(notOverdue(today()));
		}
		if (query.from() != null) {
			where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get("openedOn"), query.from()));
		}
		if (query.to() != null) {
			where = where.and((root, q, cb) -> cb.lessThanOrEqualTo(root.get("openedOn"), query.to()));
		}
		if (query.openOn() != null) {
			where = where.and(openOn(query.openOn()));
		}
		if (query.overdueOn() != null) {
			where = where.and(overdueOn(query.overdueOn()));
		}
		if (query.notice() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get("noticeId"), query.notice()));
		}
		return where;
	}

	private static Specification<Rectification> inState(RectificationState state) {
		return (root, q, cb) -> cb.equal(root.get("state"), state);
	}

	/** Ordered by {@code day} and not yet verified on it: {@code rectification_open_on} in SQL. */
	static Specification<Rectification> openOn(LocalDate day) {
		return (root, q, cb) -> cb.isTrue(cb.function("rectification_open_on", Boolean.class, root.get("openedOn"),
				root.get("closedOn"), cb.literal(day)));
	}

	/** Overdue on {@code day}: {@code rectification_overdue_on} in SQL, as the figures count it. */
	static Specification<Rectification> overdueOn(LocalDate day) {
		return (root, q, cb) -> cb.isTrue(overdueExpression(root, cb, day));
	}

	private static Specification<Rectification> notOverdue(LocalDate day) {
		return (root, q, cb) -> cb.isFalse(overdueExpression(root, cb, day));
	}

	private static jakarta.persistence.criteria.Expression<Boolean> overdueExpression(
			jakarta.persistence.criteria.Root<Rectification> root, jakarta.persistence.criteria.CriteriaBuilder cb,
			LocalDate day) {
		return cb.function("rectification_overdue_on", Boolean.class, root.get("state").as(String.class),
				root.get("openedOn"), root.get("dueOn"), root.get("reportedOn"), root.get("closedOn"), cb.literal(day));
	}

}
