package org.pomegranate.unit.naming;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SearchText;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.NamingAssessments;
import org.pomegranate.unit.naming.NamingForms.ApplicationForm;
import org.pomegranate.unit.naming.NamingForms.EndRectificationForm;
import org.pomegranate.unit.naming.NamingForms.NameForm;
import org.pomegranate.unit.naming.NamingForms.NoteForm;
import org.pomegranate.unit.naming.NamingForms.RevokeForm;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Applications (申报) and the decisions on them: filing (the eligibility chain checked on the day),
 * naming one title (checked again on the naming day; a renewal ends the title it renews),
 * refusing, revoking, ending a rectification, clearing a 待核查 flag; the title list and its
 * export. Which step this user may take now is the title's own decision ({@link Naming#refusal}).
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class NamingService {

	static final String ENTITY = NamingSteps.ENTITY;

	private final NamingRepository namings;

	private final NamingEventRepository events;

	private final NamingRecheckRepository rechecks;

	private final NamingSteps steps;

	private final Holders holders;

	private final Eligibility eligibility;

	private final NamingRules rules;

	private final RegionScope scope;

	private final CappedPages cappedPages;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final NamingLabels labels;

	private final Clock clock;

	private final ObjectProvider<NamingAssessments> assessments;

	NamingService(NamingRepository namings, NamingEventRepository events, NamingRecheckRepository rechecks,
			NamingSteps steps, Holders holders, Eligibility eligibility, NamingRules rules, RegionScope scope,
			CappedPages cappedPages, SubmissionTokens submissions, AuditLog auditLog, NamingLabels labels, Clock clock,
			ObjectProvider<NamingAssessments> assessments) {
		this.assessments = assessments;
		this.namings = namings;
		this.events = events;
		this.rechecks = rechecks;
		this.steps = steps;
		this.holders = holders;
		this.eligibility = eligibility;
		this.rules = rules;
		this.scope = scope;
		this.cappedPages = cappedPages;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.labels = labels;
		this.clock = clock;
	}

	/**
	 * What the signed-in user may do with titles, by the roles the methods require: file
	 * applications (staff, admins), name in batches and set the level rules (admins), draw (supervisors, admins).
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf(Role.STAFF.name(), Role.ADMIN.name()), CurrentRoles.anyOf(Role.ADMIN.name()),
				CurrentRoles.anyOf(Role.SUPERVISOR.name(), Role.ADMIN.name()), CurrentRoles.anyOf(Role.ADMIN.name()));
	}

	public record Permissions(boolean file, boolean nameInBatch, boolean draw, boolean setRules) {
	}

	public Naming get(long id) {
		return steps.get(id);
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/** The steps this user may take on the title now: what its page offers. */
	public EnumSet<NamingAction> allowedActions(Naming naming) {
		var actor = steps.actor();
		var allowed = EnumSet.noneOf(NamingAction.class);
		for (var action : NamingAction.USER_STEPS) {
			if (naming.refusal(action, actor).isEmpty()) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	public List<NamingEvent> history(long id) {
		get(id);
		return events.findByNamingIdOrderByIdAsc(id);
	}

	public List<NamingRecheck> rechecks(long id) {
		get(id);
		return rechecks.findByNamingIdOrderByIdDesc(id);
	}

	/** The other titles of the same holder, for the title page (renewals, the chain). */
	public List<Naming> holderTitles(Naming naming) {
		return namings.findOfHolder(naming.holder(), List.of(NamingLevel.values()));
	}

	/** The titles a new application of {@code holder} may renew today: 有效 or 已到期 ones. */
	public List<Naming> renewable(Holder holder) {
		var today = today();
		return namings.findOfHolder(holder, List.of(NamingLevel.values()))
			.stream()
			.filter(n -> n.isRenewableOn(today))
			.toList();
	}

	// The list

	public Page<Naming> search(NamingQuery query, Pageable pageable) {
		return cappedPages.find(namings, Naming.class, where(query), pageable);
	}

	@Transactional
	public long export(NamingQuery query, Consumer<Naming> sink) {
		var where = where(query);
		long count = Paging.forEach(pageable -> cappedPages.slice(namings, where, pageable),
				Sort.by(Sort.Direction.DESC, Naming_.ID), sink);
		auditLog.record(AuditAction.EXPORT, ENTITY, "list", count + " 项");
		return count;
	}

	Specification<Naming> where(NamingQuery query) {
		Specification<Naming> where = scope.specification(Naming_.HOLDER_REGION_CODE);
		// A search travels in the URL: a full phone or ID number is refused before any query runs.
		var text = SearchText.clean(query.text());
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.or(cb.like(root.get(Naming_.holderName), pattern, Like.ESCAPE),
					cb.like(root.get(Naming_.title), pattern, Like.ESCAPE),
					cb.like(root.get(Naming_.decisionNumber), pattern, Like.ESCAPE)));
		}
		var region = FormText.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Naming_.holderRegionCode), prefix));
		}
		if (query.holderKind() != null) {
			var kind = query.holderKind();
			where = where.and((root, q, cb) -> cb.equal(root.get(Naming_.holderKind), kind));
		}
		if (query.level() != null) {
			var level = query.level();
			where = where.and((root, q, cb) -> cb.equal(root.get(Naming_.level), level));
		}
		if (query.batch() != null) {
			var batch = query.batch();
			where = where.and((root, q, cb) -> cb.equal(root.get(Naming_.batchId), batch));
		}
		if (Boolean.TRUE.equals(query.flagged())) {
			where = where.and((root, q, cb) -> cb.isNotNull(root.get(Naming_.reviewFlaggedOn)));
		}
		if (query.state() != null) {
			where = where.and(inState(query.state(), today()));
		}
		return where;
	}

	/** A state as it reads today: 已到期 includes live titles past their last day, a live state excludes them. */
	static Specification<Naming> inState(NamingState state, LocalDate today) {
		if (state == NamingState.EXPIRED) {
			return (root, q, cb) -> cb.or(cb.equal(root.get(Naming_.state), NamingState.EXPIRED),
					cb.and(root.get(Naming_.state).in(NamingState.LIVE), cb.lessThan(root.get(Naming_.validUntil), today)));
		}
		if (state.isLive()) {
			return (root, q, cb) -> cb.and(cb.equal(root.get(Naming_.state), state),
					cb.greaterThanOrEqualTo(root.get(Naming_.validUntil), today));
		}
		return (root, q, cb) -> cb.equal(root.get(Naming_.state), state);
	}

	// Filing

	/** The levels a holder can be named at: those with an issuing region above it. */
	public List<NamingLevel> levelsFor(Holder holder) {
		return List.of(NamingLevel.values()).stream().filter(level -> Holders.issuerFor(holder, level) != null).toList();
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Naming file(@Valid ApplicationForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var holder = holders.byKey(Objects.requireNonNull(form.holder()));
		var level = Objects.requireNonNull(form.level());
		var title = Objects.requireNonNull(FormText.clean(form.title()));
		var actor = steps.actor();
		var appliedOn = Objects.requireNonNullElse(FormText.date(form.appliedOn()), actor.today());
		var problems = new FieldProblems();
		var issuer = Holders.issuerFor(holder, level);
		if (issuer == null) {
			problems.reject("level", "naming.error.level");
		}
		Long renews = null;
		if (form.renews() != null) {
			var renewed = namings.findById(form.renews()).orElse(null);
			if (renewed == null || !renewed.holder().key().equals(holder.key()) || renewed.getLevel() != level
					|| !renewed.getTitle().equals(title) || !renewed.isRenewableOn(appliedOn)) {
				problems.reject("renews", "naming.error.renews");
			}
			else {
				renews = renewed.getId();
			}
		}
		if (!problems.has("renews")) {
			var renewing = renews;
			var same = namings.findOfHolder(holder, List.of(level)).stream().filter(n -> n.getTitle().equals(title)).toList();
			if (same.stream().anyMatch(n -> n.getState() == NamingState.APPLIED)) {
				problems.reject("title", "naming.error.applied");
			}
			else if (same.stream().anyMatch(n -> n.getState().isLive() && !n.getId().equals(renewing))) {
				problems.reject("renews", "naming.error.held");
			}
		}
		var basis = issuer == null ? null : basis(holder, level, issuer, form.assessmentId(), problems);
		problems.throwIfAny();
		eligibility.check(holder, level, issuer, appliedOn);
		var naming = namings.saveAndFlush(new Naming(holder, title, level, issuer, appliedOn,
				FormText.clean(form.applicationText()), renews, basis, actor.username()));
		claim.made(naming.getId());
		return steps.record(naming, naming.filed(actor));
	}

	/** The confirmed, passed assessments an application for {@code holder} may name as its basis. */
	public List<NamingAssessments.Basis> assessmentsFor(Holder holder) {
		var source = assessments.getIfAvailable();
		return source == null || holder.kind() == HolderKind.HOUSEHOLD ? List.of()
				: source.passed(holder.regionCode(), holder.unitId());
	}

	/**
	 * The assessment an application names, which must be a confirmed, passed assessment of its
	 * holder; required where the issuer's rule for the level says so.
	 */
	private @Nullable Long basis(Holder holder, NamingLevel level, String issuer, @Nullable Long assessmentId,
			FieldProblems problems) {
		if (assessmentId == null) {
			if (rules.of(issuer, level).isRequiresAssessment()) {
				problems.reject("assessmentId", "naming.error.assessmentRequired");
			}
			return null;
		}
		var source = assessments.getIfAvailable();
		var found = source == null ? null : source.find(assessmentId).orElse(null);
		if (found == null || holder.kind() == HolderKind.HOUSEHOLD || !found.assesses(holder.regionCode(), holder.unitId())) {
			problems.reject("assessmentId", "naming.error.assessment");
			return null;
		}
		return found.id();
	}

	// Deciding

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Naming name(long id, @Valid NameForm form) {
		var naming = prepare(id, form.version(), NamingAction.NAME);
		var namedOn = Objects.requireNonNull(FormText.date(form.namedOn()));
		if (namedOn.isBefore(naming.getAppliedOn())) {
			new FieldProblems().reject("namedOn", "naming.error.namedBeforeApplied").throwIfAny();
		}
		return nameOne(naming, Objects.requireNonNull(FormText.clean(form.decisionNumber())), namedOn, null);
	}

	/**
	 * Names one application by a decision of {@code namedOn}: the chain checked on that day, the
	 * validity from the issuer's rule, a fresh verification code; a renewal ends the title it renews.
	 */
	Naming nameOne(Naming naming, String decisionNumber, LocalDate namedOn, @Nullable Long batchId) {
		return nameOne(naming, decisionNumber, namedOn, batchId, true);
	}

	Naming nameOne(Naming naming, String decisionNumber, LocalDate namedOn, @Nullable Long batchId, boolean audited) {
		var actor = steps.actor();
		eligibility.check(naming.holder(), naming.getLevel(), naming.getIssuerRegionCode(), namedOn);
		var refused = renewalRefusal(naming, namedOn);
		if (refused.isPresent()) {
			throw refused.get();
		}
		if (naming.getRenewsId() != null) {
			var renewed = namings.findById(naming.getRenewsId()).orElseThrow();
			var ended = renewed.renewedBy(decisionNumber, namedOn, actor.username());
			if (ended != null) {
				// The old title leaves the live ones before the new one joins them (one live title per holder).
				steps.record(renewed, ended, audited);
			}
		}
		var years = rules.of(naming.getIssuerRegionCode(), naming.getLevel()).getValidityYears();
		var event = naming.name(actor, decisionNumber, namedOn, years, batchId, VerificationCodes.next());
		return steps.record(naming, event, audited);
	}

	/**
	 * Why an application that renews a title may not be named on {@code namedOn}: the title it
	 * renews is then neither 有效 nor 已到期 (under re-check or rectification, it is decided first).
	 */
	Optional<BusinessRuleException> renewalRefusal(Naming application, LocalDate namedOn) {
		if (application.getRenewsId() == null) {
			return Optional.empty();
		}
		var renewed = namings.findById(application.getRenewsId()).orElseThrow();
		if (renewed.isRenewableOn(namedOn)) {
			return Optional.empty();
		}
		return Optional.of(new BusinessRuleException("naming.refused.renewedNotRenewable", renewed.getTitle(),
				labels.of(renewed.stateOn(namedOn))));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Naming refuse(long id, @Valid NoteForm form) {
		var naming = prepare(id, form.version(), NamingAction.REFUSE);
		return steps.record(naming, naming.refuse(steps.actor(), Objects.requireNonNull(FormText.clean(form.note()))));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Naming revoke(long id, @Valid RevokeForm form) {
		var naming = prepare(id, form.version(), NamingAction.REVOKE);
		var revocation = new Revocation(Objects.requireNonNull(FormText.clean(form.reason())),
				Objects.requireNonNull(FormText.clean(form.documentNumber())),
				Objects.requireNonNull(FormText.date(form.revokedOn())));
		checkRevocationDate(naming, revocation);
		return steps.record(naming, naming.revoke(steps.actor(), revocation));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Naming endRectification(long id, @Valid EndRectificationForm form) {
		var naming = prepare(id, form.version(), NamingAction.END_RECTIFICATION);
		Revocation revocation = null;
		if (!Boolean.TRUE.equals(form.passed())) {
			revocation = revocation(form.reason(), form.documentNumber(), form.revokedOn());
			checkRevocationDate(naming, revocation);
		}
		return steps.record(naming, naming.endRectification(steps.actor(), revocation, null));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Naming clearFlag(long id, @Valid NoteForm form) {
		var naming = prepare(id, form.version(), NamingAction.CLEAR_FLAG);
		return steps.record(naming, naming.clearFlag(steps.actor(), Objects.requireNonNull(FormText.clean(form.note()))));
	}

	/** A revocation's three parts, each required (the fields say which is missing). */
	static Revocation revocation(@Nullable String reason, @Nullable String documentNumber, @Nullable String revokedOn) {
		var problems = new FieldProblems();
		var cleanReason = FormText.clean(reason);
		var number = FormText.clean(documentNumber);
		var on = FormText.date(revokedOn);
		if (cleanReason == null) {
			problems.reject("reason", "validation.required");
		}
		if (number == null) {
			problems.reject("documentNumber", "validation.required");
		}
		if (on == null) {
			problems.reject("revokedOn", "validation.date");
		}
		problems.throwIfAny();
		return new Revocation(cleanReason, number, on);
	}

	/** A title is revoked on or after the day it was named and the day of its latest re-check. */
	private void checkRevocationDate(Naming naming, Revocation revocation) {
		var problems = new FieldProblems();
		if (naming.getNamedOn() != null && revocation.on().isBefore(naming.getNamedOn())) {
			problems.reject("revokedOn", "naming.error.revokedBeforeNamed");
		}
		else if (rechecks.findByNamingIdOrderByIdDesc(naming.getId())
			.stream()
			.map(NamingRecheck::getCheckedOn)
			.filter(Objects::nonNull)
			.anyMatch(checkedOn -> revocation.on().isBefore(checkedOn))) {
			problems.reject("revokedOn", "naming.error.revokedBeforeRechecked");
		}
		problems.throwIfAny();
	}

	/** Loads the title in scope, refuses a form opened on an older version, and asks the title whether this step may be taken. */
	Naming prepare(long id, @Nullable Long version, NamingAction action) {
		var naming = get(id);
		StaleEdits.requireVersion(naming.getVersion(), StaleEdits.versionOf(version), ENTITY, id);
		var refused = naming.refusal(action, steps.actor());
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
		return naming;
	}

}
