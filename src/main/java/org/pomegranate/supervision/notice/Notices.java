package org.pomegranate.supervision.notice;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.validation.Valid;
import org.hibernate.Hibernate;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.supervision.inspection.Actor;
import org.pomegranate.supervision.inspection.FormValues;
import org.pomegranate.supervision.inspection.Rectification;
import org.pomegranate.supervision.inspection.Rectifications;
import org.pomegranate.supervision.inspection.TargetPicker;
import org.pomegranate.supervision.notice.Notice.NoticeContent;
import org.pomegranate.supervision.notice.NoticeForms.NoticeForm;
import org.pomegranate.supervision.notice.NoticeForms.RetractForm;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Notices (通报): the list a user sees (those issued in their subtree, and the published ones of
 * the regions above them), drafting and editing by the issuing region's admins, approval by a
 * second admin, publication — where a criticism orders each target's rectification by its
 * deadline — and retraction on record. Who may take which step is {@link Notice#refusal}'s decision.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Notices {

	static final String ENTITY = "Notice";

	private final NoticeRepository notices;

	private final Rectifications rectifications;

	private final TargetPicker picker;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	Notices(NoticeRepository notices, Rectifications rectifications, TargetPicker picker, RegionScope scope,
			SubmissionTokens submissions, AuditLog auditLog, Clock clock) {
		this.notices = notices;
		this.rectifications = rectifications;
		this.picker = picker;
		this.scope = scope;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/**
	 * The notice if the user may see it: issued in their subtree, or published (or retracted after
	 * publication) by a region above them. Anything else answers as a notice that does not exist.
	 */
	public Notice get(long id) {
		var notice = notices.findById(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		if (!visible(notice)) {
			throw new OutOfScopeException(ENTITY, id);
		}
		Hibernate.initialize(notice.getTargets());
		return notice;
	}

	private boolean visible(Notice notice) {
		return scope.contains(notice.getRegionCode())
				|| (notice.isPublic() && RegionCode.of(notice.getRegionCode()).covers(scope.region()));
	}

	public Page<Notice> search(NoticeQuery query, Pageable pageable) {
		var me = scope.prefix();
		Specification<Notice> where = (root, q, cb) -> cb.or(cb.like(root.get("regionCode"), me + "%"),
				cb.and(root.get("state").in(NoticeState.PUBLISHED, NoticeState.RETRACTED),
						cb.like(cb.literal(me), cb.concat(root.get("regionCode"), "%"))));
		var region = FormText.clean(query.region());
		if (region != null) {
			var code = scope.contains(region) ? region : "-";
			where = where.and((root, q, cb) -> cb.like(root.get("regionCode"), code + "%"));
		}
		if (query.kind() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get("kind"), query.kind()));
		}
		if (query.state() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get("state"), query.state()));
		}
		if (query.from() != null) {
			where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get("publishedOn"), query.from()));
		}
		if (query.to() != null) {
			where = where.and((root, q, cb) -> cb.lessThanOrEqualTo(root.get("publishedOn"), query.to()));
		}
		return notices.findAll(where, pageable);
	}

	/** Whether the user may draft notices: admins. Reads no row. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean mayDraft() {
		return CurrentRoles.anyOf("ADMIN");
	}

	/** The steps this user may take on the notice now: what its page offers. */
	public EnumSet<NoticeAction> allowedActions(Notice notice) {
		var actor = Actor.current();
		var allowed = EnumSet.noneOf(NoticeAction.class);
		for (var action : NoticeAction.values()) {
			if (notice.refusal(action, actor).isEmpty()) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	/** The rectifications a published criticism ordered, those the user may see. */
	public List<Rectification> rectificationsOf(Notice notice) {
		return rectifications.ofNotice(notice.getId());
	}

	/** Drafts a notice of the admin's own region; the same form sent twice makes one. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Notice draft(@Valid NoticeForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return get(earlier.get());
		}
		var notice = notices.saveAndFlush(
				new Notice(Objects.requireNonNull(form.submission()), scope.prefix(), content(form), Actor.current()));
		claim.made(notice.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, notice.getId(), notice.getNumber());
		return notice;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Notice edit(long id, @Valid NoticeForm form) {
		var notice = get(id);
		StaleEdits.requireVersion(notice.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		var actor = Actor.current();
		notice.refusal(NoticeAction.EDIT, actor).ifPresent(refused -> {
			throw new BusinessRuleException(refused);
		});
		notice.edit(actor, content(form));
		return notices.saveAndFlush(notice);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Notice approve(long id, long version) {
		var notice = get(id);
		StaleEdits.requireVersion(notice.getVersion(), version, ENTITY, id);
		notice.approve(Actor.current());
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "审核 " + notice.getNumber());
		return notices.saveAndFlush(notice);
	}

	/** Publishes an approved notice; a criticism orders each target's rectification by its deadline. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Notice publish(long id, long version) {
		var notice = get(id);
		StaleEdits.requireVersion(notice.getVersion(), version, ENTITY, id);
		var actor = Actor.current();
		var today = ChinaTime.today(clock);
		notice.publish(actor, today);
		notices.saveAndFlush(notice);
		if (notice.getKind() == NoticeKind.CRITICISM) {
			var targets = notice.getTargets()
				.stream()
				.map(t -> new Rectifications.NoticeTarget(t.getRegionCode(), t.getUnitId(), t.getName()))
				.toList();
			var dueOn = Objects.requireNonNull(notice.getRectifyBy());
			rectifications.openForNotice(notice.getId(), notice.getRegionCode(),
					notice.getNumber() + " " + notice.getTitle(), targets, dueOn.isAfter(today) ? dueOn : today.plusDays(1),
					actor);
		}
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "印发 " + notice.getNumber());
		return notice;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Notice retract(long id, @Valid RetractForm form) {
		var notice = get(id);
		StaleEdits.requireVersion(notice.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		notice.retract(Actor.current(), Objects.requireNonNull(FormText.clean(form.reason())), ChinaTime.today(clock));
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "撤回 " + notice.getNumber());
		return notices.saveAndFlush(notice);
	}

	/** Reads a form into a notice's content, refusing it with a message beside each field that does not read. */
	private NoticeContent content(NoticeForm form) {
		var problems = new FieldProblems();
		var issuedOn = FormValues.date(form.issuedOn());
		if (issuedOn.isEmpty()) {
			problems.reject("issuedOn", "validation.date");
		}
		var kind = Objects.requireNonNull(form.kind());
		var rectifyBy = FormValues.date(form.rectifyBy());
		if (kind == NoticeKind.CRITICISM) {
			if (rectifyBy.isEmpty()) {
				problems.reject("rectifyBy", "notice.error.rectifyBy");
			}
			else if (!rectifyBy.get().isAfter(ChinaTime.today(clock))) {
				problems.reject("rectifyBy", "rectification.error.newDueOn");
			}
		}
		var picked = new ArrayList<TargetPicker.Picked>();
		for (var code : distinct(form.targetRegions())) {
			picker.region(code).ifPresentOrElse(picked::add, () -> problems.reject("targetRegions", "notice.error.target"));
		}
		for (var key : distinct(form.targetUnits())) {
			picker.unit(key).ifPresentOrElse(picked::add, () -> problems.reject("targetRegions", "notice.error.target"));
		}
		var links = new HashMap<String, Long>();
		for (var link : distinct(form.titleLinks())) {
			var parts = link.split("#", 2);
			var id = parts.length == 2 ? FormValues.id(parts[1]) : Optional.<Long>empty();
			if (kind != NoticeKind.PRAISE || id.isEmpty() || links.putIfAbsent(parts[0], id.get()) != null) {
				problems.reject("titleLinks", "notice.error.title");
			}
		}
		var targets = new ArrayList<Notice.Target>();
		for (var target : picked) {
			var titleId = links.remove(target.key());
			if (titleId != null && picker.titleOf(target, titleId).isEmpty()) {
				problems.reject("titleLinks", "notice.error.title");
			}
			targets.add(new Notice.Target(target.regionCode(), target.unitId(), titleId, target.name()));
		}
		if (!links.isEmpty()) {
			// A title chosen for a target the form did not pick.
			problems.reject("titleLinks", "notice.error.title");
		}
		if (targets.isEmpty()) {
			problems.reject("targetRegions", "notice.error.noTarget");
		}
		problems.throwIfAny();
		return new NoticeContent(kind, Objects.requireNonNull(FormText.clean(form.number())), issuedOn.get(),
				Objects.requireNonNull(FormText.clean(form.title())), Objects.requireNonNull(FormText.clean(form.body())),
				FormText.clean(form.figureKey()), rectifyBy.orElse(null), targets);
	}

	private static List<String> distinct(@Nullable List<String> values) {
		return values == null ? List.of()
				: values.stream().map(FormText::clean).filter(Objects::nonNull).map(Objects::requireNonNull).distinct().toList();
	}

	LocalDate today() {
		return ChinaTime.today(clock);
	}

}
