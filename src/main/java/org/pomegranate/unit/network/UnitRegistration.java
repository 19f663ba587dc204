package org.pomegranate.unit.network;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CreditCode;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.Paging;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.naming.NamingState;
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
 * Registering campaign units, editing them and marking them 已撤并; the unit list and its export.
 * Staff (and admins standing in) write, supervisors read, always inside the user's region: a unit
 * outside it answers as a missing one does.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitRegistration {

	static final String ENTITY = "CampaignUnit";

	/** How many parents a form's chooser offers at most. */
	static final int PARENT_CHOICES = 300;

	/** Why the members of a merged unit left it, as their rows and its history say. */
	static final String MERGED_MEMBER_REASON = "单位撤并";

	private final CampaignUnitRepository units;

	private final UnitMembershipRepository memberships;

	private final UnitHistory history;

	private final PairingDirectory people;

	private final RegionService regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final CappedPages cappedPages;

	private final SubmissionTokens submissions;

	private final Clock clock;

	UnitRegistration(CampaignUnitRepository units, UnitMembershipRepository memberships, UnitHistory history,
			PairingDirectory people, RegionService regions, RegionScope scope, AuditLog auditLog, CappedPages cappedPages,
			SubmissionTokens submissions, Clock clock) {
		this.units = units;
		this.memberships = memberships;
		this.history = history;
		this.people = people;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
		this.cappedPages = cappedPages;
		this.submissions = submissions;
		this.clock = clock;
	}

	/**
	 * What the signed-in user may do with units, by the roles the writing methods require (here and
	 * in {@link UnitMembers} and {@link UnitDuties}): what the pages offer. It reads no row.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"));
	}

	/** {@code record}: register, edit and merge units, their members, duty statements and wall photos. */
	public record Permissions(boolean record) {
	}

	public CampaignUnit get(long id) {
		return scope.check(units.findById(id), ENTITY, id);
	}

	public Page<CampaignUnit> search(UnitQuery query, Pageable pageable) {
		return cappedPages.find(units, CampaignUnit.class, where(query), pageable);
	}

	/** The query as a specification, shared by the list and its export. */
	Specification<CampaignUnit> where(UnitQuery query) {
		Specification<CampaignUnit> where = scope.specification();
		var text = query.searchText();
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.like(root.get(CampaignUnit_.name), pattern, Like.ESCAPE));
		}
		if (query.kind() != null) {
			var kind = query.kind();
			where = where.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.kind), kind));
		}
		var regionText = FormText.clean(query.regionCode());
		if (regionText != null) {
			var region = RegionCode.parse(regionText);
			where = region.isEmpty() ? where.and((root, q, cb) -> cb.disjunction())
					: where.and((root, q, cb) -> cb.like(root.get(CampaignUnit_.regionCode), region.get() + "%"));
		}
		if (query.state() != null) {
			var state = query.state();
			where = where.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.state), state));
		}
		if (query.wallPosted() != null) {
			boolean posted = query.wallPosted();
			where = where.and((root, q, cb) -> posted ? cb.isNotNull(root.get(CampaignUnit_.wallPostedOn))
					: cb.isNull(root.get(CampaignUnit_.wallPostedOn)));
		}
		if (query.named() != null) {
			boolean named = query.named();
			var today = ChinaTime.today(clock);
			var live = NamingState.LIVE.stream().map(Enum::name).toList();
			where = where.and((root, q, cb) -> {
				var titles = q.subquery(Long.class);
				var title = titles.from(UnitLiveTitle.class);
				titles.select(title.get("id"))
					.where(cb.equal(title.get("unitId"), root.get(CampaignUnit_.id)), title.get("state").in(live),
							cb.greaterThanOrEqualTo(title.<LocalDate>get("validUntil"), today));
				return named ? cb.exists(titles) : cb.not(cb.exists(titles));
			});
		}
		return where;
	}

	/** Hands every unit the query finds to {@code sink}, a page at a time, for an export (phones masked by the caller). */
	@Transactional
	public long export(UnitQuery query, Consumer<CampaignUnit> sink) {
		long count = Paging.forEach(pageable -> cappedPages.slice(units, where(query), pageable),
				Sort.by(CampaignUnit_.REGION_CODE, CampaignUnit_.NAME, CampaignUnit_.ID), sink);
		auditLog.record(AuditAction.EXPORT, ENTITY, "list", count + " 个单位");
		return count;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public CampaignUnit create(@Valid UnitForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var unit = saveChecked(new CampaignUnit(check(form, null), scope.currentUsername()));
		claim.made(unit.getId());
		history.record(unit.getId(), UnitEvent.Action.CREATED, describe(unit));
		auditLog.record(AuditAction.CREATE, ENTITY, unit.getId(), unit.getName() + " @" + unit.getRegionCode());
		return unit;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public CampaignUnit update(long id, long version, @Valid UnitForm form) {
		var unit = get(id);
		StaleEdits.requireVersion(unit.getVersion(), version, ENTITY, id);
		refuse(unit, UnitAction.EDIT);
		var before = describe(unit);
		var oldRegion = unit.getRegionCode();
		unit.edit(check(form, unit));
		saveChecked(unit);
		if (!oldRegion.equals(unit.getRegionCode())) {
			memberships.findByUnitId(id).forEach(membership -> membership.movedTo(unit.getRegionCode()));
		}
		var after = describe(unit);
		history.record(id, UnitEvent.Action.EDITED, before.equals(after) ? after : before + " → " + after);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, unit.getName() + " @" + unit.getRegionCode());
		return unit;
	}

	/**
	 * 撤并: the unit leaves the register on {@code mergedOn} for the reason given; nothing of it is
	 * deleted. Not while units below it are still 在册 (they are merged or moved first); its members
	 * leave on that day. Its titles stay its own: their issuers decide on them ({@link UnitMerged}).
	 */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public CampaignUnit merge(long id, long version, @Valid MergeForm form) {
		var unit = get(id);
		StaleEdits.requireVersion(unit.getVersion(), version, ENTITY, id);
		refuse(unit, UnitAction.MERGE);
		var date = Objects.requireNonNull(FormText.date(form.mergedOn()));
		var problems = new FieldProblems();
		if (units.findByParentIdOrderByName(id).stream().anyMatch(CampaignUnit::isActive)) {
			problems.reject("", "unit.error.mergeActiveChildren");
		}
		var members = memberships.findByUnitId(id).stream().filter(UnitMembership::isActive).toList();
		if (unit.getFoundedOn() != null && date.isBefore(unit.getFoundedOn())) {
			problems.reject("mergedOn", "unit.error.mergedBeforeFounded");
		}
		else if (members.stream().anyMatch(member -> date.isBefore(member.getJoinedOn()))) {
			problems.reject("mergedOn", "unit.error.mergedBeforeMemberJoined");
		}
		problems.throwIfAny();
		var reason = Objects.requireNonNull(FormText.clean(form.reason()));
		var names = people.cadresShown(members.stream().map(UnitMembership::getCadreId).distinct().toList());
		for (var member : members) {
			member.leave(date, MERGED_MEMBER_REASON);
			memberships.saveAndFlush(member);
			var name = names.get(member.getCadreId()).name();
			history.record(id, UnitEvent.Action.MEMBER_LEFT, name + " " + member.getRole().name() + " " + date + " "
					+ MERGED_MEMBER_REASON);
			auditLog.record(AuditAction.UPDATE, UnitMembers.ENTITY, member.getId(), name + " 离开 " + unit.getName() + " " + date);
		}
		unit.merge(date, reason);
		units.saveAndFlush(unit);
		history.record(id, UnitEvent.Action.MERGED, date + " " + reason);
		// AuditAction has no word for 撤并 and belongs to the audit module: an update, said in the summary.
		auditLog.record(AuditAction.UPDATE, ENTITY, id, unit.getName() + " 已撤并 " + date);
		return unit;
	}

	/**
	 * The units a unit of {@code kind} in {@code regionCode} may hang under, in the user's scope:
	 * active units of the kind the nesting asks for, in the region or above it (in the scope when the
	 * region is not given), at most {@link #PARENT_CHOICES}.
	 */
	public List<CampaignUnit> parentChoices(@Nullable UnitKind kind, @Nullable String regionCode) {
		Specification<CampaignUnit> where = scope.<CampaignUnit>specification()
			.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.state), UnitState.ACTIVE));
		var region = RegionCode.parse(FormText.clean(regionCode)).filter(scope.region()::covers);
		if (region.isPresent()) {
			var path = region.get().path().stream().map(RegionCode::toString).toList();
			where = where.and((root, q, cb) -> root.get(CampaignUnit_.regionCode).in(path));
		}
		if (kind != null && kind.isNetwork()) {
			var parentKind = kind == UnitKind.WORK_TEAM ? UnitKind.WORK_STUDIO : UnitKind.WORK_CENTRE;
			where = where.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.kind), parentKind));
		}
		var found = units.findAll(where, PageRequest.of(0, PARENT_CHOICES,
				Sort.by(CampaignUnit_.REGION_CODE, CampaignUnit_.NAME, CampaignUnit_.ID)));
		var choices = new ArrayList<CampaignUnit>();
		for (var candidate : found) {
			if (kind == null || region.isEmpty()
					|| CampaignUnit.nestingProblem(kind, region.get().toString(), candidate).isEmpty()) {
				choices.add(candidate);
			}
		}
		return choices;
	}

	/** The unit's parent as its page names it: in the user's scope, or above it (then only its name is shown). */
	public Optional<CampaignUnit> parentOf(CampaignUnit unit) {
		return unit.getParentId() == null ? Optional.empty() : units.findById(unit.getParentId());
	}

	/** The units directly below, by name; they lie in the unit's region subtree, so in the user's scope. */
	public List<CampaignUnit> childrenOf(CampaignUnit unit) {
		return units.findByParentIdOrderByName(unit.getId()).stream().filter(u -> scope.contains(u.getRegionCode())).toList();
	}

	private static void refuse(CampaignUnit unit, UnitAction action) {
		var refused = unit.refusal(action);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	/** The unique index settles a race between two users (or a double click) registering one credit code. */
	private CampaignUnit saveChecked(CampaignUnit unit) {
		try {
			return units.saveAndFlush(unit);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "campaign_unit_credit_code")) {
				new FieldProblems().reject("creditCode", "unit.error.creditCodeTaken").throwIfAny();
			}
			throw ex;
		}
	}

	/** The form's own fields are checked by its constraints; here what needs the records. */
	private UnitDetails check(UnitForm form, @Nullable CampaignUnit existing) {
		var problems = new FieldProblems();
		var kind = form.kind();
		if (kind == null) {
			problems.reject("kind", "unit.error.kind");
		}
		var regionCode = Objects.requireNonNull(FormText.clean(form.regionCode()));
		var region = RegionCode.parse(regionCode).flatMap(code -> regions.find(code.toString())).orElse(null);
		if (region == null || !scope.contains(region.getCode())) {
			problems.reject("regionCode", "unit.error.region");
		}
		else if (region.isRetired() && (existing == null || !existing.getRegionCode().equals(regionCode))) {
			problems.reject("regionCode", "unit.error.regionRetired");
		}
		var creditCode = CreditCode.normalize(form.creditCode());
		if (creditCode != null) {
			if (kind != null && !kind.hasCreditCode()) {
				problems.reject("creditCode", "unit.error.creditCodeNotForKind");
			}
			else if (units.findFirstByCreditCodeAndState(creditCode, UnitState.ACTIVE)
				.filter(other -> existing == null || !other.getId().equals(existing.getId()))
				.isPresent()) {
				problems.reject("creditCode", "unit.error.creditCodeTaken");
			}
		}
		var parentId = form.parentId();
		if (kind != null && parentId == null && CampaignUnit.needsParent(kind)) {
			problems.reject("parentId", "unit.error.parentRequired." + kind.name());
		}
		if (kind != null && parentId != null && !problems.has("regionCode")) {
			checkParent(kind, regionCode, parentId, existing, problems);
		}
		if (existing != null && kind != null && !problems.has("regionCode")) {
			checkChildren(existing, kind, regionCode, problems);
		}
		// Editing: the form shows the stored phone masked; sent back so, it stays; emptied, it is cleared.
		var phone = FormText.phone(form.phone());
		if (Masking.isMaskedPhone(phone)) {
			if (existing != null && existing.getPhone() != null && existing.maskedPhone().equals(phone)) {
				phone = existing.getPhone();
			}
			else {
				problems.reject("phone", "validation.phone");
			}
		}
		problems.throwIfAny();
		return new UnitDetails(Objects.requireNonNull(FormText.clean(form.name())), Objects.requireNonNull(kind),
				regionCode, parentId, creditCode, FormText.clean(form.address()), FormText.clean(form.personInCharge()),
				phone, FormText.date(form.foundedOn()));
	}

	/**
	 * A parent the user may see (an unchanged one may lie above their scope), of the kind and region
	 * the nesting asks for, active, and not the unit itself or one below it.
	 */
	private void checkParent(UnitKind kind, String regionCode, long parentId, @Nullable CampaignUnit existing,
			FieldProblems problems) {
		boolean unchanged = existing != null && Objects.equals(existing.getParentId(), parentId);
		var parent = units.findById(parentId).filter(p -> unchanged || scope.contains(p.getRegionCode())).orElse(null);
		if (parent == null) {
			problems.reject("parentId", "unit.error.parent");
			return;
		}
		var problem = CampaignUnit.nestingProblem(kind, regionCode, parent);
		if (problem.isPresent() && !(unchanged && problem.get().startsWith("unit.refused.merged"))) {
			problems.reject("parentId", problem.get());
			return;
		}
		if (existing != null) {
			var seen = new HashSet<Long>();
			for (CampaignUnit above = parent; above != null && seen.add(above.getId());
					above = above.getParentId() == null ? null : units.findById(above.getParentId()).orElse(null)) {
				if (above.getId().equals(existing.getId())) {
					problems.reject("parentId", "unit.error.parentCycle");
					return;
				}
			}
		}
	}

	/** An edit of kind or region must leave the unit's active children where the nesting allows them. */
	private void checkChildren(CampaignUnit existing, UnitKind kind, String regionCode, FieldProblems problems) {
		if (existing.getKind() == kind && existing.getRegionCode().equals(regionCode)) {
			return;
		}
		for (var child : units.findByParentIdOrderByName(existing.getId())) {
			if (child.isActive() && CampaignUnit.nestingProblem(child.getKind(), child.getRegionCode(),
					new Probe(existing, kind, regionCode).unit()).isPresent()) {
				problems.reject(existing.getKind() == kind ? "regionCode" : "kind", "unit.error.childrenNoLongerFit");
				return;
			}
		}
	}

	/** The unit as it would be after the edit, to ask the nesting about its children. */
	private record Probe(CampaignUnit existing, UnitKind kind, String regionCode) {

		CampaignUnit unit() {
			var probe = new CampaignUnit(new UnitDetails(existing.getName(), kind, regionCode, null, null, null, null,
					null, null), existing.getCreatedBy());
			return probe;
		}

	}

	/**
	 * The unit as a line of its history says it: name, kind (by code, read in the user's words by
	 * the page), region and parent by name.
	 */
	private String describe(CampaignUnit unit) {
		var region = regions.find(unit.getRegionCode()).map(Region::getName).orElse(unit.getRegionCode());
		var parent = unit.getParentId() == null ? null
				: units.findById(unit.getParentId()).map(CampaignUnit::getName).orElse("#" + unit.getParentId());
		return unit.getName() + "（" + unit.getKind().name() + "，" + region + (parent == null ? "" : "，上级 " + parent) + "）";
	}

	/** Whether a unit (a parent named on a page) lies in the user's scope, so its page may be linked. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public boolean visible(CampaignUnit unit) {
		return scope.contains(unit.getRegionCode());
	}

	/** The unit's history, newest first. */
	public List<UnitEvent> historyOf(long id) {
		get(id);
		return history.of(id);
	}

	String currentUsername() {
		return scope.currentUsername();
	}

	/** Today in China, for forms that default a date. */
	public LocalDate today() {
		return ChinaTime.today(clock);
	}

}
