package org.pomegranate.pairing.cadre;

import org.pomegranate.pairing.program.Pairing_;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.Pairing;
import org.pomegranate.pairing.program.PairingProgram;
import org.pomegranate.pairing.program.PairingRepository;
import org.pomegranate.pairing.program.PairingRules;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.EnumBits;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
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
 * Cadres of the user's region: entered by staff, marked as left when they go, never deleted.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class CadreService {

	static final String ENTITY = "Cadre";

	private final CadreRepository cadres;

	private final HouseholdService households;

	private final PairingRepository pairings;

	private final RegionService regions;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	private final AuditLog auditLog;

	private final Clock clock;

	private final CappedPages cappedPages;

	private final SubmissionTokens submissions;

	CadreService(CadreRepository cadres, HouseholdService households, PairingRepository pairings, RegionService regions, RegionScope scope,
			EthnicGroups ethnicGroups, AuditLog auditLog, Clock clock, CappedPages cappedPages, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.cadres = cadres;
		this.households = households;
		this.pairings = pairings;
		this.regions = regions;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
		this.auditLog = auditLog;
		this.clock = clock;
		this.cappedPages = cappedPages;
	}

	/**
	 * What the signed-in user may do with cadres, by the roles the methods below require: what the
	 * pages offer, so that no template compares roles. It reads no row: no transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"));
	}

	/** {@code record}: {@link #create}, {@link #update} and {@link #leave}. */
	public record Permissions(boolean record) {
	}

	public Cadre get(long id) {
		return scope.check(cadres.findById(id), ENTITY, id);
	}

	/**
	 * The cards of cadres already shown beside records of the user's scope (a pairing's cadre), by
	 * id: those outside the scope without phone or link, see {@link CadreCard}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Map<Long, CadreCard> cardsOf(Collection<Cadre> shown) {
		var cards = new HashMap<Long, CadreCard>();
		for (var cadre : shown) {
			cards.computeIfAbsent(cadre.getId(), id -> CadreCard.of(cadre, scope.contains(cadre.getRegionCode())));
		}
		return cards;
	}

	/**
	 * How many households the cadre holds now outside the user's scope (in a counterpart-support
	 * program, or below a region the user does not cover): the cadre's own region sees the whole load,
	 * though not those households.
	 */
	public long activePairingsElsewhere(long cadreId) {
		get(cadreId);
		return pairings.countActiveOutside(cadreId, scope.prefix());
	}

	public Page<Cadre> search(CadreQuery query, Pageable pageable) {
		return cappedPages.find(cadres, Cadre.class, where(query), pageable);
	}

	Specification<Cadre> where(CadreQuery query) {
		Specification<Cadre> where = scope.specification();
		var text = query.searchText();
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.or(cb.like(root.get(Cadre_.name), pattern, Like.ESCAPE),
					cb.like(root.get(Cadre_.workUnit), pattern, Like.ESCAPE)));
		}
		var region = PairingRules.clean(query.regionCode());
		if (region != null) {
			var prefix = region + "%";
			where = where.and((root, q, cb) -> cb.like(root.get(Cadre_.regionCode), prefix));
		}
		if (query.level() != null) {
			var level = query.level();
			where = where.and((root, q, cb) -> cb.equal(root.get(Cadre_.level), level));
		}
		if (query.active() != null) {
			boolean active = query.active();
			where = where.and((root, q, cb) -> active ? cb.isNull(root.get(Cadre_.leftOn)) : cb.isNotNull(root.get(Cadre_.leftOn)));
		}
		if (query.programId() != null) {
			var program = households.visibleProgram(query.programId());
			int levels = program.getCadreLevels();
			where = where.and((root, q, cb) -> cb.and(cb.isNull(root.get(Cadre_.leftOn)),
					root.get(Cadre_.level).in(levelsOf(levels))));
			if (query.quota() != null) {
				where = where.and(quota(program, query.quota()));
			}
		}
		return where;
	}

	/** Hands every cadre the query finds to {@code sink}, a page at a time, for an export (phones masked by the caller). */
	@Transactional
	public long export(CadreQuery query, Consumer<Cadre> sink) {
		long count = Paging.forEach(pageable -> cappedPages.slice(cadres, where(query), pageable),
				Sort.by(Cadre_.REGION_CODE, Cadre_.NAME, Cadre_.ID), sink);
		auditLog.record(AuditAction.EXPORT, ENTITY, "list", count + " 人");
		return count;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Cadre create(@Valid CadreForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var cadre = cadres.save(new Cadre(check(form, null)));
		claim.made(cadre.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, cadre.getId(), cadre.getName() + " @" + cadre.getRegionCode());
		return cadre;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Cadre update(long id, long version, @Valid CadreForm form) {
		var cadre = get(id);
		StaleEdits.requireVersion(cadre.getVersion(), version, ENTITY, id);
		cadre.apply(check(form, cadre));
		auditLog.record(AuditAction.UPDATE, ENTITY, id, cadre.getName());
		return cadre;
	}

	/** The cadre leaves: marked with the date, history kept. Their active pairings must be handed over first. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Cadre leave(long id, long version, @Nullable LocalDate on) {
		var cadre = get(id);
		StaleEdits.requireVersion(cadre.getVersion(), version, ENTITY, id);
		if (!cadre.isActive()) {
			throw new BusinessRuleException("cadre.error.alreadyLeft");
		}
		long activePairings = pairings.countByCadreIdAndEndedOnIsNull(id);
		if (activePairings > 0) {
			throw new BusinessRuleException("cadre.error.stillPaired", activePairings);
		}
		var date = on == null ? ChinaTime.today(clock) : on;
		if (date.isAfter(ChinaTime.today(clock))) {
			throw new BusinessRuleException("validation.futureDate");
		}
		cadre.leave(date);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, cadre.getName() + " 离开 " + date);
		return cadre;
	}

	/**
	 * The form's own fields are checked by its constraints; here what needs the records. Also the
	 * spreadsheet import's check ({@link CadreBatch}), so that an imported row obeys the page's rules;
	 * a refusal leaves the caller's transaction usable, as an import checks the next row in it.
	 */
	@Transactional(readOnly = true, noRollbackFor = BusinessRuleException.class)
	CadreDetails check(CadreForm form, @Nullable Cadre existing) {
		var problems = new FieldProblems();
		if (!ethnicGroups.exists(form.ethnicity())) {
			problems.reject("ethnicity", "validation.required");
		}
		var regionCode = PairingRules.clean(form.regionCode());
		var region = regionCode == null ? null : regions.find(regionCode).orElse(null);
		if (region == null || !scope.contains(region.getCode())) {
			problems.reject("regionCode", "cadre.error.region");
		}
		// Editing: the form does not carry the stored phone; left empty, it stays.
		var phone = existing != null && PairingRules.clean(form.phone()) == null ? existing.getPhone()
				: PairingRules.phone(form.phone());
		problems.throwIfAny();
		return new CadreDetails(Objects.requireNonNull(PairingRules.clean(form.name())), form.gender(), form.ethnicity(),
				PairingRules.clean(form.workUnit()), PairingRules.clean(form.position()), form.level(), regionCode, phone);
	}

	private static List<CadreLevel> levelsOf(int bits) {
		return List.copyOf(EnumBits.toSet(CadreLevel.class, bits));
	}

	private static Specification<Cadre> quota(PairingProgram program, CadreQuery.Quota quota) {
		return (root, query, cb) -> {
			var held = query.subquery(Long.class);
			var pairing = held.from(Pairing.class);
			held.select(cb.count(pairing))
				.where(cb.equal(pairing.get(Pairing_.cadre), root), cb.equal(pairing.get(Pairing_.program), program),
						cb.isNull(pairing.get(Pairing_.endedOn)));
			return quota == CadreQuery.Quota.BELOW ? cb.lessThan(held, (long) program.getMinHouseholds())
					: cb.greaterThan(held, (long) program.getMaxHouseholds());
		};
	}

}
