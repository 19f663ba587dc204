package org.pomegranate.pairing.household;

import org.pomegranate.pairing.program.Pairing_;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingProgram;
import org.pomegranate.pairing.program.PairingProgramRepository;
import org.pomegranate.pairing.program.PairingRules;
import org.pomegranate.pairing.program.PairingStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Households: entered and kept up to date by staff, read by supervisors, always inside the
 * user's region. ID numbers and phones leave this service masked unless a user asks to see them,
 * which is audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class HouseholdService {

	static final String ENTITY = "Household";

	static final String TRANSFER = "HouseholdTransfer";

	private final HouseholdRepository households;

	private final HouseholdTransferRepository transfers;

	private final PairingProgramRepository programs;

	private final RegionService regions;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	private final AuditLog auditLog;

	private final Clock clock;

	private final CappedPages cappedPages;

	private final SubmissionTokens submissions;

	HouseholdService(HouseholdRepository households, HouseholdTransferRepository transfers,
			PairingProgramRepository programs, RegionService regions, RegionScope scope, EthnicGroups ethnicGroups,
			AuditLog auditLog, Clock clock, CappedPages cappedPages, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.households = households;
		this.transfers = transfers;
		this.programs = programs;
		this.regions = regions;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
		this.auditLog = auditLog;
		this.clock = clock;
		this.cappedPages = cappedPages;
	}

	/**
	 * What the signed-in user may do with households, by the roles the methods below require: what
	 * the pages offer, so that no template compares roles. It reads no row: no transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"), CurrentRoles.anyOf("SUPERVISOR", "ADMIN"));
	}

	/** {@code record}: {@link #create} and {@link #update}; {@code exportUnmasked}: {@link #exportUnmasked}. */
	public record Permissions(boolean record, boolean exportUnmasked) {
	}

	public Household get(long id) {
		return scope.check(households.findById(id), ENTITY, id);
	}

	/** Every household of {@code regionCode}'s subtree, oldest first; none where it lies outside the user's scope. */
	public List<Household> allIn(String regionCode) {
		if (!scope.contains(regionCode)) {
			return List.of();
		}
		return households.findAll(scope.<Household>specification()
			.and((root, q, cb) -> cb.like(root.get(Household_.regionCode), RegionCode.of(regionCode) + "%")), Sort.by(Household_.ID));
	}

	public Page<Household> search(HouseholdQuery query, Pageable pageable) {
		return cappedPages.find(households, Household.class, where(query), pageable);
	}

	/** The query as a specification, shared by the list and its export. */
	Specification<Household> where(HouseholdQuery query) {
		Specification<Household> where = scope.specification();
		// A whole ID number typed into the search box would travel in the URL: only the last 4.
		var text = query.searchText();
		if (text != null) {
			if (text.length() == 4 && text.chars().allMatch(c -> Character.isDigit(c) || c == 'X' || c == 'x')) {
				var last4 = text.toUpperCase(Locale.ROOT);
				where = where.and((root, q, cb) -> cb.equal(root.get(Household_.idLast4), last4));
			}
			else {
				var pattern = Like.containing(text);
				where = where.and((root, q, cb) -> cb.like(root.get(Household_.headName), pattern, Like.ESCAPE));
			}
		}
		var region = PairingRules.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Household_.regionCode), prefix));
		}
		if (query.category() != null) {
			int bit = query.category().bit();
			where = where.and(hasAnyCategory(bit));
		}
		if (query.programId() != null) {
			var program = visibleProgram(query.programId());
			var programPrefix = program.getRegionCode() + "%";
			where = where.and(hasAnyCategory(program.getTargetCategories()))
				.and((root, q, cb) -> cb.like(root.get(Household_.regionCode), programPrefix));
			if (query.status() != null) {
				where = where.and(inStatus(program, query.status()));
			}
		}
		return where;
	}

	/**
	 * Registers a household. An ID number registered in a region outside the user's scope is not a
	 * refusal that says so: a transfer request is sent instead and committed, and
	 * {@link TransferRequestedException} says only that.
	 */
	@Transactional(noRollbackFor = TransferRequestedException.class)
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Household create(@Valid HouseholdForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		HouseholdDetails details;
		try {
			details = check(form, null, true);
		}
		catch (TransferRequestedException ex) {
			claim.release();
			throw ex;
		}
		var household = saveChecked(new Household(details));
		claim.made(household.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, household.getId(),
				household.getHeadName() + " @" + household.getRegionCode());
		return household;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Household update(long id, long version, @Valid HouseholdForm form) {
		var household = get(id);
		StaleEdits.requireVersion(household.getVersion(), version, ENTITY, id);
		household.apply(check(form, household, true));
		saveChecked(household);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, household.getHeadName() + " @" + household.getRegionCode());
		return household;
	}

	/** Hands every household the query finds to {@code sink}, a page at a time, for a masked export. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public long export(HouseholdQuery query, Consumer<Household> sink) {
		return export(query, sink, AuditAction.EXPORT);
	}

	/** The same with ID numbers and phones in full: supervisors and admins only, audited apart. */
	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public long exportUnmasked(HouseholdQuery query, Consumer<Household> sink) {
		return export(query, sink, AuditAction.EXPORT_UNMASKED);
	}

	private long export(HouseholdQuery query, Consumer<Household> sink, AuditAction action) {
		long count = Paging.forEach(pageable -> cappedPages.slice(households, where(query), pageable),
				Sort.by(Household_.REGION_CODE, Household_.ID), sink);
		auditLog.record(action, ENTITY, "list", count + " 户");
		return count;
	}

	/** The unique index settles a race between two users (or a double click) registering one ID number. */
	private Household saveChecked(Household household) {
		try {
			return households.saveAndFlush(household);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "household_id_number")) {
				new FieldProblems().reject("idNumber", "household.error.duplicate").throwIfAny();
			}
			throw ex;
		}
	}

	/** The full ID number and phone, for the household page only; every look is audited. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public PersonalData reveal(long id) {
		var household = get(id);
		auditLog.record(AuditAction.VIEW_PERSONAL_DATA, ENTITY, id, household.getHeadName());
		return new PersonalData(household.getIdNumber(), household.getPhone());
	}

	public record PersonalData(String idNumber, @Nullable String phone) {
	}

	/**
	 * The form's own fields are checked by its constraints; here what needs the records. An ID
	 * number registered outside the user's scope sends a transfer request only when
	 * {@code requestTransfer}; an import ({@link HouseholdBatch}) refuses the row instead. A refusal
	 * leaves the caller's transaction usable: an import checks the next row in it.
	 */
	@Transactional(readOnly = true, noRollbackFor = BusinessRuleException.class)
	HouseholdDetails check(HouseholdForm form, @Nullable Household existing, boolean requestTransfer) {
		var problems = new FieldProblems();
		// Editing: the form does not carry the stored ID number or phone; left empty, they stay.
		var idNumber = existing != null && PairingRules.clean(form.idNumber()) == null ? existing.getIdNumber()
				: IdNumber.normalize(form.idNumber());
		IdNumber.problem(idNumber, ChinaTime.today(clock)).ifPresent(key -> problems.reject("idNumber", key));
		@Nullable Household elsewhere = null;
		if (!problems.has("idNumber")) {
			var other = households.findByIdNumber(idNumber)
				.filter(found -> existing == null || !found.getId().equals(existing.getId()))
				.orElse(null);
			if (other != null && scope.contains(other.getRegionCode())) {
				throw new DuplicateHouseholdException(other.getId());
			}
			if (other != null && existing == null && !requestTransfer) {
				problems.reject("idNumber", "household.error.registeredElsewhere");
			}
			else if (other != null && existing == null) {
				elsewhere = other;
			}
			else if (other != null) {
				// Editing a number into another region's household: no transfer, and no word of where.
				problems.reject("idNumber", "household.error.idNumberUnavailable");
			}
		}
		if (!ethnicGroups.exists(form.ethnicity())) {
			problems.reject("ethnicity", "validation.required");
		}
		var phone = existing != null && PairingRules.clean(form.phone()) == null ? existing.getPhone()
				: PairingRules.phone(form.phone());
		var regionCode = Objects.requireNonNull(PairingRules.clean(form.regionCode()));
		var region = regions.find(regionCode).orElse(null);
		if (region == null || region.getLevel() != RegionLevel.VILLAGE || !scope.contains(region.getCode())) {
			problems.reject("regionCode", "validation.villageCode");
		}
		else if (region.isRetired() && (existing == null || !existing.getRegionCode().equals(regionCode))) {
			problems.reject("regionCode", "household.error.villageRetired");
		}
		problems.throwIfAny();
		var details = new HouseholdDetails(Objects.requireNonNull(PairingRules.clean(form.headName())), idNumber,
				form.ethnicity(), phone, regionCode, PairingRules.clean(form.address()),
				Objects.requireNonNull(PairingRules.wholeNumber(form.memberCount())), form.categories() == null ? Set.of()
						: form.categories().stream().filter(Objects::nonNull).collect(Collectors.toSet()),
				PairingRules.clean(form.notes()));
		if (elsewhere != null) {
			sendTransfer(elsewhere, details);
			throw new TransferRequestedException();
		}
		return details;
	}

	/**
	 * A transfer request to the admins of the lowest region covering the household's region and the
	 * one typed; a second request of the same user for the same household joins the open one.
	 */
	private void sendTransfer(Household household, HouseholdDetails typed) {
		var deciding = RegionCode.of(household.getRegionCode())
			.lowestCommonRegion(RegionCode.of(typed.regionCode()))
			.map(RegionCode::toString)
			.orElse("");
		var requester = scope.currentUsername();
		if (transfers.send(household.getId(), deciding, household.getRegionCode(), typed.regionCode(), typed.headName(),
				requester) == 1) {
			var sent = transfers.findByHouseholdIdAndRequestedByAndState(household.getId(), requester, TransferState.SENT)
				.orElseThrow();
			auditLog.record(AuditAction.TRANSFER_REQUEST, TRANSFER, sent.getId(), typed.headName() + " → " + typed.regionCode());
		}
	}

	/** Programs are visible where they were made and everywhere below. */
	public PairingProgram visibleProgram(long programId) {
		var program = programs.findById(programId).orElseThrow(() -> new RecordNotFoundException("PairingProgram", programId));
		if (!RegionCode.of(program.getRegionCode()).covers(scope.region())) {
			scope.checkRegion(program.getRegionCode(), "PairingProgram", programId);
		}
		return program;
	}

	private static Specification<Household> hasAnyCategory(int bits) {
		return (root, q, cb) -> cb.notEqual(cb.function("int4and", Integer.class, root.get(Household_.categories), cb.literal(bits)), 0);
	}

	private Specification<Household> inStatus(PairingProgram program, PairingStatus status) {
		var cutoff = ChinaTime.today(clock).minusDays(program.getVisitIntervalDays());
		return (root, query, cb) -> {
			var active = query.subquery(Long.class);
			var pairing = active.from(Pairing.class);
			active.select(pairing.get(Pairing_.id))
				.where(cb.equal(pairing.get(Pairing_.household), root), cb.equal(pairing.get(Pairing_.program), program),
						cb.isNull(pairing.get(Pairing_.endedOn)));
			return switch (status) {
				case UNPAIRED -> cb.not(cb.exists(active));
				case PAIRED -> cb.exists(active);
				case OVERDUE -> {
					active.where(cb.equal(pairing.get(Pairing_.household), root), cb.equal(pairing.get(Pairing_.program), program),
							cb.isNull(pairing.get(Pairing_.endedOn)), cb.lessThan(
									cb.coalesce(pairing.get(Pairing_.lastVisitOn), pairing.get(Pairing_.startedOn)), cutoff));
					yield cb.exists(active);
				}
				case ENDED -> throw new BusinessRuleException("household.error.status");
			};
		};
	}

}
