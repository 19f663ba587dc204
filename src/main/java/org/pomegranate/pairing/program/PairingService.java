package org.pomegranate.pairing.program;

import org.pomegranate.pairing.cadre.Cadre_;
import org.pomegranate.pairing.household.Household_;
import org.pomegranate.pairing.VisitRecorded;
import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
 * Pairing programs, the pairings made in them ("dynamic management": start, end, reassign, with
 * the history kept) and the visits of each pairing with their photos.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class PairingService {

	static final String PROGRAM = "PairingProgram";

	static final String PAIRING = "Pairing";

	static final String VISIT = "Visit";

	public static final int MAX_PHOTOS = 6;

	public static final int MAX_PHOTO_BYTES = (int) FileKind.PHOTO.maxBytes();

	/** What a pairing row of a list or export shows besides the pairing itself. */
	private static final String[] PAIRING_SHOWS = { "program", "cadre", "household" };

	private static final String[] VISIT_SHOWS = { "pairing", "pairing.cadre", "pairing.household" };

	private final PairingProgramRepository programs;

	private final PairingRepository pairings;

	private final VisitRepository visits;

	private final FileStore files;

	private final HouseholdService households;

	private final CadreService cadres;

	private final RegionService regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final Clock clock;

	private final CappedPages cappedPages;

	private final ApplicationEventPublisher events;

	private final SubmissionTokens submissions;

	PairingService(PairingProgramRepository programs, PairingRepository pairings, VisitRepository visits,
			FileStore files, HouseholdService households, CadreService cadres, RegionService regions,
			RegionScope scope, AuditLog auditLog, Clock clock, CappedPages cappedPages, ApplicationEventPublisher events,
			SubmissionTokens submissions) {
		this.submissions = submissions;
		this.programs = programs;
		this.pairings = pairings;
		this.visits = visits;
		this.files = files;
		this.households = households;
		this.cadres = cadres;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
		this.clock = clock;
		this.cappedPages = cappedPages;
		this.events = events;
	}

	/**
	 * What the signed-in user may do with pairings, visits and programs, by the roles the methods
	 * below require: what the pages offer, so that no template compares roles. It reads no row: no
	 * transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"), CurrentRoles.anyOf("STAFF", "ADMIN"),
				CurrentRoles.anyOf("ADMIN"));
	}

	/**
	 * {@code pair}: {@link #pair}, {@link #end} and {@link #reassign}; {@code recordVisits}:
	 * {@link #recordVisit}; {@code managePrograms}: {@link #createProgram} (and {@link #updateProgram}
	 * of the programs in scope, {@link #editablePrograms}).
	 */
	public record Permissions(boolean pair, boolean recordVisits, boolean managePrograms) {
	}

	/** Which of {@code shown} the user may edit: {@link #updateProgram}'s role, and the program in scope. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Set<Long> editablePrograms(Collection<PairingProgram> shown) {
		if (!permissions().managePrograms()) {
			return Set.of();
		}
		return shown.stream()
			.filter(program -> scope.contains(program.getRegionCode()))
			.map(PairingProgram::getId)
			.collect(Collectors.toUnmodifiableSet());
	}

	// Programs

	/** The programs a user works in: those of their region and above, and those below it. */
	public List<PairingProgram> visiblePrograms() {
		var ancestors = scope.region().ancestors().stream().map(RegionCode::toString).toList();
		Specification<PairingProgram> where = scope.specification();
		where = where.or((root, q, cb) -> root.get(PairingProgram_.regionCode).in(ancestors));
		return programs.findAll(where, Sort.by(PairingProgram_.REGION_CODE, PairingProgram_.NAME));
	}

	public PairingProgram program(long id) {
		return households.visibleProgram(id);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PairingProgram createProgram(@Valid ProgramForm form) {
		var claim = submissions.claim(form.submission(), PROGRAM);
		if (claim.earlier().isPresent()) {
			return program(claim.earlierId().orElseThrow());
		}
		var details = check(form, null);
		var program = saveChecked(new PairingProgram(details));
		claim.made(program.getId());
		auditLog.record(AuditAction.CREATE, PROGRAM, program.getId(), program.getName());
		return program;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PairingProgram updateProgram(long id, long version, @Valid ProgramForm form) {
		var program = scope.check(programs.findById(id), PROGRAM, id);
		StaleEdits.requireVersion(program.getVersion(), version, PROGRAM, id);
		program.apply(check(form, program));
		saveChecked(program);
		auditLog.record(AuditAction.UPDATE, PROGRAM, id, program.getName());
		return program;
	}

	/** The unique name per region settles two admins naming a program alike at the same moment. */
	private PairingProgram saveChecked(PairingProgram program) {
		try {
			return programs.saveAndFlush(program);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "pairing_program_region_code_name_key")) {
				new FieldProblems().reject("name", "program.error.duplicateName").throwIfAny();
			}
			throw ex;
		}
	}

	/** The form's own fields are checked by its constraints; here the region, the name and the quota together. */
	private ProgramDetails check(ProgramForm form, @Nullable PairingProgram existing) {
		var problems = new FieldProblems();
		var name = Objects.requireNonNull(PairingRules.clean(form.name()));
		var regionCode = Objects.requireNonNull(PairingRules.clean(form.regionCode()));
		if (regions.find(regionCode).isEmpty() || !scope.contains(regionCode)) {
			problems.reject("regionCode", "program.error.region");
		}
		else if ((existing == null || !existing.getName().equals(name) || !existing.getRegionCode().equals(regionCode))
				&& programs.existsByRegionCodeAndName(regionCode, name)) {
			problems.reject("name", "program.error.duplicateName");
		}
		var min = Objects.requireNonNull(PairingRules.wholeNumber(form.minHouseholds()));
		var max = Objects.requireNonNull(PairingRules.wholeNumber(form.maxHouseholds()));
		if (max < min) {
			problems.reject("maxHouseholds", "program.error.quota");
		}
		var interval = Objects.requireNonNull(PairingRules.wholeNumber(form.visitIntervalDays()));
		boolean counterpartSupport = Boolean.TRUE.equals(form.counterpartSupport());
		var partners = counterpartSupport ? partners(form.partnerRegions(), regionCode, problems) : Set.<String>of();
		problems.throwIfAny();
		return new ProgramDetails(name, regionCode, Set.copyOf(Objects.requireNonNull(form.targetCategories())),
				Set.copyOf(Objects.requireNonNull(form.cadreLevels())), min, max, interval, Boolean.TRUE.equals(form.active()),
				counterpartSupport, partners);
	}

	/**
	 * The partner regions of a counterpart-support program as typed (codes separated by spaces or
	 * commas): at least one, each an existing region apart from the program's own (neither inside it
	 * nor above it). They may lie outside the admin's scope: supporting another region is the point.
	 */
	private Set<String> partners(@Nullable String typed, String programRegion, FieldProblems problems) {
		var text = PairingRules.clean(typed);
		var codes = new TreeSet<String>();
		if (text != null) {
			for (var token : text.split("[\\s,，、;；]+")) {
				if (!token.isEmpty()) {
					codes.add(token);
				}
			}
		}
		if (codes.isEmpty() || codes.size() > 10) {
			problems.reject("partnerRegions", "program.error.partners");
			return Set.of();
		}
		var own = RegionCode.parse(programRegion);
		for (var code : codes) {
			var partner = RegionCode.parse(code);
			if (partner.isEmpty() || regions.find(code).isEmpty()) {
				problems.reject("partnerRegions", "program.error.partnerUnknown");
				return Set.of();
			}
			if (own.isPresent() && (own.get().covers(partner.get()) || partner.get().covers(own.get()))) {
				problems.reject("partnerRegions", "program.error.partnerOverlaps");
				return Set.of();
			}
		}
		return Set.copyOf(codes);
	}

	// Pairings

	public Pairing get(long id) {
		return scope.check(pairings.findById(id), PAIRING, id);
	}

	public Page<Pairing> search(PairingQuery query, Pageable pageable) {
		return cappedPages.find(pairings, Pairing.class, where(query), pageable, PAIRING_SHOWS);
	}

	private Specification<Pairing> where(PairingQuery query) {
		Specification<Pairing> where = scope.specification();
		if (query.programId() != null) {
			var program = program(query.programId());
			where = where.and((root, q, cb) -> cb.equal(root.get(Pairing_.program), program));
		}
		var region = PairingRules.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Pairing_.regionCode), prefix));
		}
		var text = query.searchText();
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.or(cb.like(root.get(Pairing_.household).get(Household_.headName), pattern, Like.ESCAPE),
					cb.like(root.get(Pairing_.cadre).get(Cadre_.name), pattern, Like.ESCAPE)));
		}
		if (query.cadreId() != null) {
			var cadreId = query.cadreId();
			where = where.and((root, q, cb) -> cb.equal(root.get(Pairing_.cadre).get(Cadre_.id), cadreId));
		}
		if (query.status() != null) {
			where = where.and(status(query.status()));
		}
		return where;
	}

	/** Every pairing the query finds, a page at a time, for an export. */
	@Transactional
	public long export(PairingQuery query, Consumer<Pairing> sink) {
		long count = Paging.forEach(pageable -> cappedPages.slice(pairings, where(query), pageable, PAIRING_SHOWS),
				Sort.by(Pairing_.REGION_CODE, Pairing_.ID), sink);
		auditLog.record(AuditAction.EXPORT, PAIRING, "list", count + " 对");
		return count;
	}

	private Specification<Pairing> status(PairingStatus status) {
		var today = ChinaTime.today(clock);
		return (root, query, cb) -> switch (status) {
			case PAIRED -> cb.isNull(root.get(Pairing_.endedOn));
			case ENDED -> cb.isNotNull(root.get(Pairing_.endedOn));
			case OVERDUE -> {
				// coalesce(last visit, start) + interval < today
				var program = root.join(Pairing_.program);
				var since = cb.coalesce(root.get(Pairing_.lastVisitOn), root.get(Pairing_.startedOn));
				yield cb.and(cb.isNull(root.get(Pairing_.endedOn)), cb.lessThan(
						cb.function("pairing_due_on", LocalDate.class, since, program.get(PairingProgram_.visitIntervalDays)), today));
			}
			case UNPAIRED -> throw new BusinessRuleException("pairing.error.status");
		};
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Pairing pair(long programId, long cadreId, long householdId, @Nullable LocalDate startedOn,
			@Nullable UUID submission) {
		var claim = submissions.claim(submission, PAIRING);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var program = program(programId);
		var household = households.get(householdId);
		var cadre = cadres.get(cadreId);
		var start = startedOn == null ? ChinaTime.today(clock) : startedOn;
		requirePairable(program, cadre, household, start);
		if (pairings.findActive(householdId, programId).isPresent()) {
			throw new BusinessRuleException("pairing.error.alreadyPaired");
		}
		var pairing = saveNew(new Pairing(program, cadre, household, start));
		claim.made(pairing.getId());
		auditLog.record(AuditAction.CREATE, PAIRING, pairing.getId(),
				cadre.getName() + " ↔ " + household.getHeadName() + " (" + program.getName() + ")");
		return pairing;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Pairing end(long id, long version, @Nullable LocalDate on, @Nullable String reason) {
		var pairing = get(id);
		StaleEdits.requireVersion(pairing.getVersion(), version, PAIRING, id);
		var date = endDate(pairing, on);
		var why = requireReason(reason);
		pairing.end(date, why);
		auditLog.record(AuditAction.UPDATE, PAIRING, id, "结束：" + why);
		return pairing;
	}

	/** 换人: ends the pairing and starts the next with another cadre in one step, keeping the history. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Pairing reassign(long id, long version, long newCadreId, @Nullable LocalDate on, @Nullable String reason) {
		var pairing = get(id);
		StaleEdits.requireVersion(pairing.getVersion(), version, PAIRING, id);
		var cadre = cadres.get(newCadreId);
		if (cadre.getId().equals(pairing.getCadre().getId())) {
			throw new BusinessRuleException("pairing.error.sameCadre");
		}
		var date = endDate(pairing, on);
		var why = requireReason(reason);
		requirePairable(pairing.getProgram(), cadre, pairing.getHousehold(), date);
		pairing.end(date, why);
		pairings.saveAndFlush(pairing);
		var next = saveNew(new Pairing(pairing.getProgram(), cadre, pairing.getHousehold(), date));
		auditLog.record(AuditAction.UPDATE, PAIRING, id, "换人：" + pairing.getCadre().getName() + " → " + cadre.getName()
				+ "，" + why);
		auditLog.record(AuditAction.CREATE, PAIRING, next.getId(), cadre.getName() + " ↔ "
				+ pairing.getHousehold().getHeadName() + "（换人）");
		return next;
	}

	/**
	 * Ends the household's active pairings because an admin approved its move to another region (迁移):
	 * its programs and cadres need not reach its new village, so the new region pairs it afresh.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public int endForTransfer(long householdId, String reason) {
		households.get(householdId);
		var today = ChinaTime.today(clock);
		var active = pairings.findByHouseholdIdAndEndedOnIsNull(householdId);
		for (var pairing : active) {
			pairing.end(today, reason);
			pairings.saveAndFlush(pairing);
			auditLog.record(AuditAction.UPDATE, PAIRING, pairing.getId(), "结束：" + reason);
		}
		return active.size();
	}

	public List<Pairing> historyOfHousehold(long householdId) {
		households.get(householdId);
		return pairings.findByHouseholdIdOrderByStartedOnDescIdDesc(householdId);
	}

	public List<Pairing> pairingsOfCadre(long cadreId) {
		cadres.get(cadreId);
		return pairings.findByCadreIdOrderByEndedOnDescStartedOnDesc(cadreId)
			.stream()
			.filter(p -> scope.contains(p.getRegionCode()))
			.toList();
	}

	/**
	 * {@link #pair}'s rules for a pairing that a spreadsheet import ({@link PairingBatch}) brings
	 * in; a refusal leaves the caller's transaction usable, as an import checks the next row in it.
	 */
	@Transactional(readOnly = true, noRollbackFor = BusinessRuleException.class)
	void checkImported(PairingProgram program, Cadre cadre, Household household, LocalDate start) {
		requirePairable(program, cadre, household, start);
	}

	private void requirePairable(PairingProgram program, Cadre cadre, Household household, LocalDate start) {
		if (!program.isActive()) {
			throw new BusinessRuleException("pairing.error.programInactive");
		}
		if (!RegionCode.of(program.getRegionCode()).covers(RegionCode.of(household.getRegionCode()))) {
			throw new BusinessRuleException("pairing.error.outsideProgram");
		}
		if (!program.targets(household)) {
			throw new BusinessRuleException("pairing.error.notTarget");
		}
		if (!cadre.isActive()) {
			throw new BusinessRuleException("pairing.error.cadreLeft");
		}
		if (!program.admits(cadre)) {
			throw new BusinessRuleException("pairing.error.cadreLevel");
		}
		if (!program.acceptsCadreFrom(cadre.getRegionCode(), household.getRegionCode())) {
			throw new BusinessRuleException("pairing.error.cadreRegion");
		}
		if (start.isAfter(ChinaTime.today(clock))) {
			throw new BusinessRuleException("validation.futureDate");
		}
		long held = pairings.countActive(cadre.getId(), program.getId());
		if (held >= program.getMaxHouseholds()) {
			throw new BusinessRuleException("pairing.error.quotaFull", held);
		}
	}

	private LocalDate endDate(Pairing pairing, @Nullable LocalDate on) {
		if (!pairing.isActive()) {
			throw new BusinessRuleException("pairing.error.ended");
		}
		var date = on == null ? ChinaTime.today(clock) : on;
		if (date.isAfter(ChinaTime.today(clock))) {
			throw new BusinessRuleException("validation.futureDate");
		}
		if (date.isBefore(pairing.getStartedOn())) {
			throw new BusinessRuleException("pairing.error.endBeforeStart");
		}
		return date;
	}

	private static String requireReason(@Nullable String reason) {
		var why = PairingRules.clean(reason);
		if (why == null || PairingRules.tooLong(why, 200)) {
			throw new BusinessRuleException("pairing.error.reason");
		}
		if (FormText.hasControlCharacters(why, false)) {
			throw new BusinessRuleException("validation.text.controlCharacters");
		}
		return why;
	}

	/** The partial unique index settles a race between two users pairing the same household. */
	private Pairing saveNew(Pairing pairing) {
		try {
			return pairings.saveAndFlush(pairing);
		}
		catch (DataIntegrityViolationException ex) {
			throw new BusinessRuleException("pairing.error.alreadyPaired");
		}
	}

	// Visits

	public Visit visit(long id) {
		return scope.check(visits.findById(id), VISIT, id);
	}

	public Page<Visit> searchVisits(VisitQuery query, Pageable pageable) {
		return cappedPages.find(visits, Visit.class, where(query), pageable, VISIT_SHOWS);
	}

	private Specification<Visit> where(VisitQuery query) {
		Specification<Visit> where = scope.specification();
		if (query.programId() != null) {
			var program = program(query.programId());
			where = where.and((root, q, cb) -> cb.equal(root.get(Visit_.pairing).get(Pairing_.program), program));
		}
		var region = PairingRules.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Visit_.regionCode), prefix));
		}
		if (query.kind() != null) {
			var kind = query.kind();
			where = where.and((root, q, cb) -> cb.equal(root.get(Visit_.kind), kind));
		}
		if (query.from() != null) {
			var from = query.from();
			where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get(Visit_.visitedOn), from));
		}
		if (query.to() != null) {
			var to = query.to();
			where = where.and((root, q, cb) -> cb.lessThanOrEqualTo(root.get(Visit_.visitedOn), to));
		}
		if (query.followUpNeeded() != null) {
			var followUp = query.followUpNeeded();
			where = where.and((root, q, cb) -> cb.equal(root.get(Visit_.followUpNeeded), followUp));
		}
		return where;
	}

	/** Every visit the query finds, newest first, a page at a time, for an export. */
	@Transactional
	public long exportVisits(VisitQuery query, Consumer<Visit> sink) {
		long count = Paging.forEach(pageable -> cappedPages.slice(visits, where(query), pageable, VISIT_SHOWS),
				Sort.by(Sort.Direction.DESC, Visit_.VISITED_ON, Visit_.ID), sink);
		auditLog.record(AuditAction.EXPORT, VISIT, "list", count + " 次");
		return count;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Visit recordVisit(long pairingId, @Valid VisitForm form, List<Upload> uploaded) {
		var pairing = get(pairingId);
		var claim = submissions.claim(form.submission(), VISIT);
		if (claim.earlier().isPresent()) {
			return visit(claim.earlierId().orElseThrow());
		}
		var details = check(pairing, form, uploaded);
		var visit = visits.saveAndFlush(new Visit(pairing, details, scope.currentUsername()));
		claim.made(visit.getId());
		for (var photo : uploaded) {
			files.store(VisitPhotos.KIND, visit.getId(), visit.getRegionCode(), photo);
		}
		auditLog.record(AuditAction.CREATE, VISIT, visit.getId(), pairing.getHousehold().getHeadName() + " "
				+ details.visitedOn() + " " + details.kind() + (uploaded.isEmpty() ? "" : "，照片 " + uploaded.size() + " 张"));
		events.publishEvent(new VisitRecorded(visit.getId(), visit.getHouseholdId(), visit.getRegionCode(),
				visit.getVisitedOn()));
		return visit;
	}

	public List<Visit> visitsOfHousehold(long householdId) {
		households.get(householdId);
		return visits.findByHouseholdIdOrderByVisitedOnDescIdDesc(householdId);
	}

	public List<Visit> recentVisitsOfCadre(long cadreId, int count) {
		cadres.get(cadreId);
		return visits.findByPairingCadreIdOrderByVisitedOnDescIdDesc(cadreId, PageRequest.of(0, count))
			.stream()
			.filter(v -> scope.contains(v.getRegionCode()))
			.toList();
	}

	/** The photos of visits already shown to the user (so in their scope), by visit id. */
	public Map<Long, List<StoredFileInfo>> photosOf(List<Visit> shown) {
		return files.list(VisitPhotos.KIND, shown.stream().map(Visit::getId).toList());
	}

	/** The form's own fields are checked by its constraints; here the date against the pairing's, the aid and the photos. */
	/**
	 * {@link #recordVisit}'s rules for a visit a spreadsheet import ({@link VisitBatch}) brings in,
	 * without photos; a refusal leaves the caller's transaction usable for the next row.
	 */
	@Transactional(readOnly = true, noRollbackFor = BusinessRuleException.class)
	VisitDetails checkImportedVisit(Pairing pairing, VisitForm form) {
		return check(pairing, form, List.of());
	}

	/** Tells the modules that follow visits of one brought in by an import, as {@link #recordVisit} does. */
	void imported(Visit visit) {
		events.publishEvent(new VisitRecorded(visit.getId(), visit.getHouseholdId(), visit.getRegionCode(),
				visit.getVisitedOn()));
	}

	private VisitDetails check(Pairing pairing, VisitForm form, List<Upload> uploaded) {
		var problems = new FieldProblems();
		var date = Objects.requireNonNull(PairingRules.date(form.visitedOn()));
		if (date.isBefore(pairing.getStartedOn())) {
			problems.reject("visitedOn", "visit.error.beforePairing");
		}
		else if (pairing.getEndedOn() != null && date.isAfter(pairing.getEndedOn())) {
			problems.reject("visitedOn", "visit.error.afterPairing");
		}
		var aid = PairingRules.amount(form.aidAmount());
		if (aid == null || aid.signum() < 0 || aid.scale() > 2 || aid.compareTo(new BigDecimal("9999999999")) > 0) {
			problems.reject("aidAmount", "visit.error.aid");
		}
		if (uploaded.size() > MAX_PHOTOS) {
			problems.reject("photos", "visit.error.tooManyPhotos");
		}
		for (var photo : uploaded) {
			files.check(VisitPhotos.KIND, photo)
				.ifPresent(refusal -> problems.reject("photos", switch (refusal) {
					case EMPTY -> "visit.error.photoEmpty";
					case TOO_BIG -> "visit.error.photoTooBig";
					case WRONG_TYPE -> "visit.error.photoType";
				}));
		}
		problems.throwIfAny();
		return new VisitDetails(date, form.kind(), Objects.requireNonNull(PairingRules.clean(form.visitors())),
				PairingRules.clean(form.findings()), PairingRules.clean(form.actionsTaken()), aid,
				Boolean.TRUE.equals(form.followUpNeeded()));
	}

}
