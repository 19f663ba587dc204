package org.pomegranate.petition.loop;

import org.pomegranate.petition.settings.PetitionCategory_;
import org.pomegranate.petition.settings.PetitionDepartment_;
import org.pomegranate.petition.PetitionStepTaken;
import org.pomegranate.petition.LedgerFigure;
import org.pomegranate.petition.settings.PetitionDepartment;
import org.pomegranate.petition.settings.CategoriesAndDepartments;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.Activities;
import org.pomegranate.supervision.RaisedFindings;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.account.UserSummary;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The petition ledger and its loop: registering (one petition per submitted form, with possible
 * duplicates shown first), each step of the loop with its comment and attachments, the ledger and
 * its export, and a user's own work. Roles are fenced here; which step this user may take in
 * this state is the petition's own decision ({@link Petition#refusal}); the region is
 * {@link RegionScope}'s.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class PetitionService {

	static final String ENTITY = "Petition";

	/** The kind of a step's submission, followed by the action. */
	private static final String STEP = "PetitionStep";

	public static final int MAX_ATTACHMENTS = 3;

	static final int DUPLICATE_WINDOW_DAYS = 30;


	private final CappedPages cappedPages;

	private final ApplicationEventPublisher events;

	private final PetitionRepository petitions;

	private final PetitionStepRepository steps;

	private final FileStore files;

	private final CategoriesAndDepartments settings;

	private final PetitionNumbers numbers;

	private final PairingDirectory pairing;

	private final Activities activities;

	private final RaisedFindings findings;

	private final AccountService accounts;

	private final RegionService regions;

	private final RegionScope scope;

	private final PetitionLabels labels;

	private final AuditLog auditLog;

	private final Clock clock;

	private final SubmissionTokens submissions;

	PetitionService(PetitionRepository petitions, PetitionStepRepository steps, FileStore files,
			CategoriesAndDepartments settings, PetitionNumbers numbers, PairingDirectory pairing,
			Activities activities, RaisedFindings findings, AccountService accounts, RegionService regions, RegionScope scope, PetitionLabels labels, AuditLog auditLog,
			Clock clock, CappedPages cappedPages, ApplicationEventPublisher events, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.cappedPages = cappedPages;
		this.events = events;
		this.petitions = petitions;
		this.steps = steps;
		this.files = files;
		this.settings = settings;
		this.numbers = numbers;
		this.pairing = pairing;
		this.activities = activities;
		this.findings = findings;
		this.accounts = accounts;
		this.regions = regions;
		this.scope = scope;
		this.labels = labels;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public Petition get(long id) {
		return scope.check(petitions.findById(id), ENTITY, id);
	}

	/** The petition a submitted form already made, if any: a double click, a browser retry. */
	public Optional<Petition> registeredWith(UUID token) {
		return petitions.findBySubmissionToken(token).filter(p -> scope.contains(p.getRegionCode()));
	}

	public Page<Petition> search(PetitionQuery query, Pageable pageable) {
		return search(where(query), pageable);
	}

	private Page<Petition> search(Specification<Petition> where, Pageable pageable) {
		return cappedPages.find(petitions, Petition.class, where, pageable, Petition_.CATEGORY, Petition_.DEPARTMENT);
	}

	/** Hands every petition the query finds to {@code sink}, a page at a time, for a masked export. */
	@Transactional
	public long export(PetitionQuery query, Consumer<Petition> sink) {
		var where = where(query);
		long count = Paging.forEach(pageable -> cappedPages.slice(petitions, where, pageable, Petition_.CATEGORY, Petition_.DEPARTMENT),
				Sort.by(Sort.Direction.DESC, Petition_.RECEIVED_ON, Petition_.ID), sink);
		auditLog.record(AuditAction.EXPORT, ENTITY, "list", count + " 件");
		return count;
	}

	/**
	 * What the signed-in user may do with the ledger, by the roles the methods below require: what
	 * the list offers (the steps on one petition are {@link #allowedActions}). It reads no row: no
	 * transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf(Role.STAFF.name(), Role.ADMIN.name()));
	}

	/** {@code register}: {@link #register}. */
	public record Permissions(boolean register) {
	}

	/** The steps this user may take on the petition now: what its page offers. */
	public EnumSet<PetitionAction> allowedActions(Petition petition) {
		var actor = actor();
		var allowed = EnumSet.noneOf(PetitionAction.class);
		for (var action : PetitionAction.values()) {
			if (petition.refusal(action, actor).isEmpty()) {
				allowed.add(action);
			}
		}
		return allowed;
	}

	public List<PetitionStep> timeline(long id) {
		get(id);
		return steps.findByPetitionIdOrderByActedAtAscIdAsc(id);
	}

	/** The files attached to each step of the petition, by step id. */
	public Map<Long, List<StoredFileInfo>> attachmentsByStep(long id) {
		return files.list(StepAttachments.KIND, timeline(id).stream().map(PetitionStep::getId).toList());
	}

	/** Where a petition may be pushed: the departments serving its village, the staff who can see it. */
	public PushChoices pushChoices(Petition petition) {
		var path = RegionCode.of(petition.getRegionCode()).path().stream().map(RegionCode::toString).toList();
		return new PushChoices(settings.servingVillage(petition.getRegionCode()), accounts.enabledUsers(Role.STAFF, path));
	}

	public record PushChoices(List<PetitionDepartment> departments, List<UserSummary> handlers) {
	}

	/**
	 * Petitions that may be the same demand: same household or phone, same category, received
	 * within {@value #DUPLICATE_WINDOW_DAYS} days either side, inside the user's region.
	 */
	public List<Petition> possibleDuplicates(@Nullable Long householdId, @Nullable String phone, @Nullable Long categoryId,
			LocalDate receivedOn) {
		var cleanPhone = FormText.phone(phone);
		if (categoryId == null || (householdId == null && cleanPhone == null)) {
			return List.of();
		}
		return petitions.findPossibleDuplicates(categoryId, receivedOn.minusDays(DUPLICATE_WINDOW_DAYS),
				receivedOn.plusDays(DUPLICATE_WINDOW_DAYS), scope.prefix() + "%", householdId == null ? -1L : householdId,
				cleanPhone == null ? "" : cleanPhone, PageRequest.of(0, 10));
	}

	public MyWork myWork() {
		var actor = actor();
		var today = ChinaTime.today(clock);
		var mine = scope.<Petition>specification()
			.and((Specification<Petition>) (root, q, cb) -> cb.equal(root.get(Petition_.handlerUsername), actor.username()));
		var page = PageRequest.of(0, 200);
		var toAccept = petitions.findAll(mine.and(inStates(List.of(PetitionState.PUSHED))),
				page.withSort(Sort.by(Petition_.ACCEPT_DUE_ON, Petition_.ID))).getContent();
		var inProgress = petitions.findAll(mine.and(inStates(List.of(PetitionState.ACCEPTED, PetitionState.IN_PROGRESS))),
				page.withSort(Sort.by(Petition_.CLOSE_DUE_ON, Petition_.ID))).getContent();
		var weekEnd = today.plusDays(7);
		var dueThisWeek = inProgress.stream().filter(p -> !p.getCloseDueOn().isAfter(weekEnd)).toList();
		var returned = petitions.findAll(scope.<Petition>specification()
			.and(inStates(List.of(PetitionState.RETURNED)))
			.and((root, q, cb) -> cb.equal(root.get(Petition_.pushRegion), actor.regionCode())), page.withSort(Sort.by(Petition_.RECEIVED_ON)))
			.getContent();
		var escalated = petitions.findAll(escalatedTo(actor.regionCode(), false), page.withSort(Sort.by(Petition_.CLOSED_ON)))
			.getContent();
		var toPush = petitions.findAll(scope.<Petition>specification()
			.and(inStates(List.of(PetitionState.REGISTERED)))
			.and((root, q, cb) -> cb.equal(root.get(Petition_.registeredBy), actor.username())), page.withSort(Sort.by(Petition_.RECEIVED_ON)))
			.getContent();
		return new MyWork(toAccept, inProgress, dueThisWeek, returned, escalated, toPush);
	}

	// Registering

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition register(@Valid PetitionForm form, List<Upload> uploads) {
		var claim = submissions.claim(form.token(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		// A form opened before submissions were recorded finds its petition by the token it carries.
		var again = registeredWith(Objects.requireNonNull(form.token()));
		if (again.isPresent()) {
			claim.made(again.get().getId());
			return again.get();
		}
		var details = check(form, uploads);
		if (!Boolean.TRUE.equals(form.notDuplicate())) {
			var candidates = possibleDuplicates(details.householdId(), details.petitionerPhone(), details.category().getId(),
					details.receivedOn());
			if (!candidates.isEmpty()) {
				throw new PossibleDuplicatesException(candidates);
			}
		}
		var actor = actor();
		var number = numbers.next(details.regionCode(), details.receivedOn().getYear());
		var petition = petitions.saveAndFlush(new Petition(number, form.token(), details, actor.username()));
		claim.made(petition.getId());
		var step = steps.save(petition.registered(actor));
		saveAttachments(step, uploads);
		auditLog.record(AuditAction.CREATE, ENTITY, petition.getId(), number + " " + details.category().getName() + " @"
				+ details.regionCode() + (uploads.isEmpty() ? "" : "，附件 " + uploads.size() + " 个"));
		events.publishEvent(stepTaken(petition, PetitionAction.REGISTER, actor));
		return petition;
	}

	/** The form's own fields are checked by its constraints; here the household, village and category. */
	private PetitionDetails check(PetitionForm form, List<Upload> uploads) {
		var problems = new FieldProblems();
		Long householdId = form.householdId();
		Long visitId = null;
		var village = FormText.clean(form.regionCode());
		if (form.visitId() != null) {
			var visit = pairing.visit(form.visitId());
			visitId = visit.id();
			householdId = visit.householdId();
		}
		// Raised at an activity: one the user may see, else 404 as for a missing one.
		Long activityId = form.activityId() == null ? null : activities.activity(form.activityId()).id();
		// Raised from a finding: likewise one the user may see.
		Long findingId = form.findingId() == null ? null : findings.finding(form.findingId()).id();
		var name = FormText.clean(form.petitionerName());
		if (householdId != null) {
			var household = pairing.household(householdId);
			name = household.headName();
			if (village == null) {
				village = household.regionCode();
			}
		}
		var region = village == null ? null : regions.find(village).orElse(null);
		if (region == null || region.getLevel() != RegionLevel.VILLAGE || !scope.contains(region.getCode())) {
			problems.reject("regionCode", "validation.villageCode");
		}
		else if (region.isRetired()) {
			problems.reject("regionCode", "household.error.villageRetired");
		}
		var category = form.categoryId() == null ? null
				: settings.activeCategories().stream().filter(c -> c.getId().equals(form.categoryId())).findFirst().orElse(null);
		if (category == null) {
			problems.reject("categoryId", "petition.error.category");
		}
		checkUploads(problems, uploads);
		problems.throwIfAny();
		return new PetitionDetails(form.source(), householdId, visitId, Objects.requireNonNull(name),
				FormText.phone(form.petitionerPhone()), village, category, Objects.requireNonNull(FormText.clean(form.title())),
				FormText.clean(form.description()), form.urgency(), Objects.requireNonNull(FormText.date(form.receivedOn())),
				activityId, findingId);
	}

	// The steps of the loop

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public Petition push(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.PUSH, form, uploads, (petition, actor, comment, problems) -> {
			var department = form.departmentId() == null ? null
					: settings.servingVillage(petition.getRegionCode())
						.stream()
						.filter(d -> d.getId().equals(form.departmentId()))
						.findFirst()
						.orElse(null);
			if (department == null) {
				problems.reject("departmentId", "petition.error.department");
			}
			var handler = handler(petition, department, form.handler());
			if (handler == null) {
				problems.reject("handler", "petition.error.handler");
			}
			problems.throwIfAny();
			return petition.push(actor, department, handler, comment, ChinaTime.today(clock));
		});
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition accept(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.ACCEPT, form, uploads,
				(petition, actor, comment, problems) -> petition.accept(actor, comment, ChinaTime.today(clock)));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition returnToPusher(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.RETURN, form, uploads,
				(petition, actor, comment, problems) -> petition.returnToPusher(actor, required(problems, comment)));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition noteProgress(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.PROGRESS, form, uploads,
				(petition, actor, comment, problems) -> petition.noteProgress(actor, required(problems, comment)));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition close(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.CLOSE, form, uploads, (petition, actor, comment, problems) -> {
			if (form.outcome() == null) {
				problems.reject("outcome", "petition.error.outcome");
			}
			var reply = required(problems, comment);
			var handlingRegion = petition.getDepartment() != null
					? RegionCode.of(petition.getDepartment().getRegionCode())
					: RegionCode.of(petition.getRegionCode()).county().orElseThrow();
			var regionAbove = handlingRegion.parent().map(RegionCode::toString).orElse(null);
			return petition.close(actor, form.outcome(), reply, regionAbove, ChinaTime.today(clock));
		});
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition rate(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.RATE, form, uploads, (petition, actor, comment, problems) -> {
			if (form.rating() == null) {
				problems.reject("rating", "petition.error.rating");
			}
			problems.throwIfAny();
			return petition.rate(actor, form.rating(), comment, ChinaTime.today(clock));
		});
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Petition archive(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.ARCHIVE, form, uploads,
				(petition, actor, comment, problems) -> petition.archive(actor, comment));
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Petition markBacklog(long id, @Valid StepForm form, List<Upload> uploads) {
		return step(id, PetitionAction.MARK_BACKLOG, form, uploads, (petition, actor, comment, problems) -> {
			var today = ChinaTime.today(clock);
			var target = FormText.date(form.targetOn());
			if (target == null || !target.isAfter(today)) {
				problems.reject("targetOn", "petition.error.targetOn");
			}
			problems.throwIfAny();
			return petition.markBacklog(actor, target, comment, today);
		});
	}

	/** What one step does to the petition, once the actor is known to be allowed. */
	@FunctionalInterface
	private interface Transition {

		PetitionStep apply(Petition petition, Actor actor, @Nullable String comment, FieldProblems problems);

	}

	/**
	 * Loads the petition in scope, refuses a form opened on an older version, asks the petition
	 * whether this actor may take this step now, checks the form, and records the step.
	 */
	private Petition step(long id, PetitionAction action, StepForm form, List<Upload> uploads, Transition transition) {
		var petition = get(id);
		// A step is guarded by the version already; its token only lets a resend answer as the first did.
		var claim = form.submission() == null ? null : submissions.claim(form.submission(), STEP + action.name());
		if (claim != null && claim.earlier().isPresent()) {
			return petition;
		}
		StaleEdits.requireVersion(petition.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, id);
		var actor = actor();
		var refused = petition.refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
		var problems = new FieldProblems();
		var comment = FormText.clean(form.comment());
		checkUploads(problems, uploads);
		var step = transition.apply(petition, actor, comment, problems);
		problems.throwIfAny();
		// The version check in SQL: of two people acting on one petition at once, exactly one wins.
		petitions.saveAndFlush(petition);
		step = steps.save(step);
		if (claim != null) {
			claim.made(step.getId());
		}
		saveAttachments(step, uploads);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, petition.getNumber() + " " + labels.of(action) + " → "
				+ labels.of(petition.getState()) + (uploads.isEmpty() ? "" : "，附件 " + uploads.size() + " 个"));
		events.publishEvent(stepTaken(petition, action, actor));
		return petition;
	}

	private static PetitionStepTaken stepTaken(Petition petition, PetitionAction action, Actor actor) {
		return new PetitionStepTaken(petition.getId(), petition.getNumber(), petition.getRegionCode(), action.name(),
				petition.getState().name(), actor.username());
	}

	private @Nullable UserSummary handler(Petition petition, @Nullable PetitionDepartment department,
			@Nullable String username) {
		var name = FormText.clean(username);
		if (department == null || name == null) {
			return null;
		}
		var village = RegionCode.of(petition.getRegionCode());
		var serving = RegionCode.of(department.getRegionCode());
		return accounts.enabledUser(name)
			.filter(user -> user.role() == Role.STAFF && RegionCode.of(user.regionCode()).covers(village)
					&& serving.covers(RegionCode.of(user.regionCode())))
			.orElse(null);
	}

	private static String required(FieldProblems problems, @Nullable String comment) {
		if (comment == null) {
			problems.reject("comment", "validation.required");
		}
		problems.throwIfAny();
		return comment;
	}

	private void checkUploads(FieldProblems problems, List<Upload> uploads) {
		if (uploads.size() > MAX_ATTACHMENTS) {
			problems.reject("attachments", "petition.error.tooManyAttachments");
		}
		for (var upload : uploads) {
			files.check(StepAttachments.KIND, upload)
				.ifPresent(refusal -> problems.reject("attachments", switch (refusal) {
					case EMPTY -> "petition.error.attachmentEmpty";
					case TOO_BIG -> "petition.error.attachmentTooBig";
					case WRONG_TYPE -> "petition.error.attachmentType";
				}));
		}
	}

	private void saveAttachments(PetitionStep step, List<Upload> uploads) {
		for (var upload : uploads) {
			files.store(StepAttachments.KIND, step.getId(), step.getRegionCode(), upload);
		}
	}

	// The ledger's filters

	/** The query as a specification, shared by the ledger, its export and the figures' links. */
	Specification<Petition> where(PetitionQuery query) {
		Specification<Petition> where = scope.specification();
		var text = query.searchText();
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.or(cb.like(root.get(Petition_.number), pattern, Like.ESCAPE),
					cb.like(root.get(Petition_.title), pattern, Like.ESCAPE), cb.like(root.get(Petition_.petitionerName), pattern, Like.ESCAPE)));
		}
		var region = FormText.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Petition_.regionCode), prefix));
		}
		if (query.state() != null) {
			where = where.and(inStates(List.of(query.state())));
		}
		if (query.categoryId() != null) {
			var category = query.categoryId();
			where = where.and((root, q, cb) -> cb.equal(root.get(Petition_.category).get(PetitionCategory_.id), category));
		}
		if (query.source() != null) {
			var source = query.source();
			where = where.and((root, q, cb) -> cb.equal(root.get(Petition_.source), source));
		}
		if (query.departmentId() != null) {
			var department = query.departmentId();
			where = where.and((root, q, cb) -> cb.equal(root.get(Petition_.department).get(PetitionDepartment_.id), department));
		}
		if (Boolean.TRUE.equals(query.overdue())) {
			where = where.and(overdue(ChinaTime.today(clock)));
		}
		if (Boolean.TRUE.equals(query.backlog())) {
			where = where.and((root, q, cb) -> cb.isTrue(root.get(Petition_.backlog)));
		}
		if (Boolean.TRUE.equals(query.escalated())) {
			where = where.and(escalatedTo(scope.prefix(), true));
		}
		var figure = query.figure() == null ? LedgerFigure.COLLECTED : query.figure();
		where = where.and(figure(figure));
		var period = period(query);
		if (period[0] != null || period[1] != null) {
			// The backlog figures count by the day marked or closed; everything else by the day received.
			var dateField = switch (figure) {
				case BACKLOG_OPENED -> "backlogMarkedOn";
				case BACKLOG_CLOSED -> "closedOn";
				default -> "receivedOn";
			};
			if (period[0] != null) {
				var from = period[0];
				where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get(dateField), from));
			}
			if (period[1] != null) {
				var to = period[1];
				where = where.and((root, q, cb) -> cb.lessThanOrEqualTo(root.get(dateField), to));
			}
		}
		return where;
	}

	private static @Nullable LocalDate[] period(PetitionQuery query) {
		var month = FormText.clean(query.month());
		if (month != null) {
			try {
				var yearMonth = YearMonth.parse(month);
				return new LocalDate[] { yearMonth.atDay(1), yearMonth.atEndOfMonth() };
			}
			catch (DateTimeParseException ex) {
				throw new BusinessRuleException("validation.date");
			}
		}
		return new LocalDate[] { query.from(), query.to() };
	}

	private Specification<Petition> figure(LedgerFigure figure) {
		var today = ChinaTime.today(clock);
		var resolved = Outcome.RESOLVED;
		return (root, q, cb) -> switch (figure) {
			case COLLECTED -> cb.conjunction();
			case PUSHED -> cb.isNotNull(root.get(Petition_.firstPushedOn));
			case ACCEPTED -> cb.isNotNull(root.get(Petition_.firstAcceptedOn));
			case RESOLVED -> root.get(Petition_.outcome).in(resolved);
			case POLICY -> cb.equal(root.get(Petition_.outcome), Outcome.POLICY);
			case UNRESOLVABLE -> cb.equal(root.get(Petition_.outcome), Outcome.UNRESOLVABLE);
			case OPEN -> cb.isNull(root.get(Petition_.outcome));
			case OVERDUE -> overdue(today).toPredicate(root, q, cb);
			case CLOSED -> cb.isNotNull(root.get(Petition_.outcome));
			case RATED -> cb.isNotNull(root.get(Petition_.rating));
			case SATISFIED -> root.get(Petition_.rating).in(Rating.SATISFACTORY);
			case REOPENED -> cb.greaterThan(root.get(Petition_.reopenCount), 0);
			case BACKLOG_OPENED -> cb.isTrue(root.get(Petition_.backlog));
			case BACKLOG_CLOSED -> cb.and(cb.isTrue(root.get(Petition_.backlog)), root.get(Petition_.outcome).in(resolved));
		};
	}

	/** Overdue as the figures count it: the one SQL definition (R__petition.sql), so list and figure agree. */
	private static Specification<Petition> overdue(LocalDate today) {
		return (root, q, cb) -> cb.isTrue(cb.function("petition_overdue", Boolean.class, root.get(Petition_.state),
				root.get(Petition_.acceptDueOn), root.get(Petition_.closeDueOn), cb.literal(today)));
	}

	/** Unresolvable petitions sent up to {@code regionCode} (or, with {@code below}, to any region under it). */
	private Specification<Petition> escalatedTo(String regionCode, boolean below) {
		return scope.<Petition>specification()
			.and((root, q, cb) -> cb.and(cb.equal(root.get(Petition_.outcome), Outcome.UNRESOLVABLE),
					root.get(Petition_.state).in(PetitionState.CLOSED, PetitionState.RATED),
					below ? cb.like(root.get(Petition_.escalatedTo), regionCode + "%") : cb.equal(root.get(Petition_.escalatedTo), regionCode)));
	}

	private static Specification<Petition> inStates(List<PetitionState> states) {
		return (root, q, cb) -> root.get(Petition_.state).in(states);
	}

	/** The signed-in user as the petition judges them. */
	Actor actor() {
		var principal = SecurityContextHolder.getContext().getAuthentication() == null ? null
				: SecurityContextHolder.getContext().getAuthentication().getPrincipal();
		if (principal instanceof CurrentUser user) {
			return new Actor(user.getUsername(), user.displayName(), user.role(), user.regionCode());
		}
		throw new RecordNotFoundException(ENTITY, "actor");
	}

}
