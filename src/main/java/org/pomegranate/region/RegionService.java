package org.pomegranate.region;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SearchText;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Reads the division tree inside the current user's scope, and lets admins add, rename and
 * retire townships and villages in it.
 */
@Service
@Transactional(readOnly = true)
public class RegionService {

	private static final String ENTITY = "Region";

	private final RegionRepository regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final SubmissionTokens submissions;

	RegionService(RegionRepository regions, RegionScope scope, AuditLog auditLog, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
	}

	/**
	 * What the signed-in user may do with the tree, by the role the methods below require: what the
	 * pages offer, so that no template compares roles. It reads no row: no transaction.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("ADMIN"));
	}

	/** {@code manage}: {@link #addChild}, {@link #rename}, {@link #retire} and {@link #reinstate}. */
	public record Permissions(boolean manage) {
	}

	public Region get(String code) {
		return scope.check(regions.findById(code), ENTITY, code);
	}

	/** Any region by code, whatever the scope: for validating codes that a caller checks itself. */
	public Optional<Region> find(String code) {
		return regions.findById(code);
	}

	public List<Region> children(String code) {
		get(code);
		return regions.findByParentCodeOrderByCode(code);
	}

	/** The regions directly below {@code code} (in the user's scope) that are not retired, in code order. */
	public List<Region> activeChildren(String code) {
		return children(code).stream().filter(child -> !child.isRetired()).toList();
	}

	/** The breadcrumb from the user's own region down to {@code code}. */
	public List<Region> path(String code) {
		var region = get(code);
		var own = scope.region();
		var codes = RegionCode.of(region.getCode()).path().stream().filter(own::covers).map(RegionCode::toString).toList();
		return regions.findByCodeIn(codes).stream().sorted((a, b) -> a.getCode().compareTo(b.getCode())).toList();
	}

	/**
	 * What a region search may name in full although it is longer than a search may be: the start
	 * of a code under the user's own region (up to a village's 12 digits), no one's personal data.
	 * A phone or an ID number is not one: a phone does not start with a Sichuan code, an ID number
	 * is longer.
	 */
	public Pattern searchableCodes() {
		var prefix = scope.prefix();
		return Pattern.compile(prefix + "\\d{0," + (RegionLevel.VILLAGE.codeLength() - prefix.length()) + "}");
	}

	/** Search by part of a name, or by the start of a code, inside the scope. */
	public Page<Region> search(String text, Pageable pageable) {
		Specification<Region> where = scope.specification("code");
		var searched = SearchText.clean(text, searchableCodes());
		var term = searched == null ? "" : searched;
		if (StringUtils.hasText(term)) {
			where = where.and(term.chars().allMatch(Character::isDigit)
					? (root, query, cb) -> cb.like(root.get("code"), term + "%")
					: (root, query, cb) -> cb.like(root.get("name"), Like.containing(term), Like.ESCAPE));
		}
		return regions.findAll(where, pageable);
	}

	/** Names for codes the caller already holds in scope, e.g. the regions of a list of users. */
	public Map<String, String> names(Collection<String> codes) {
		return regions.findByCodeIn(List.copyOf(codes))
			.stream()
			.collect(Collectors.toMap(Region::getCode, Region::getName, (a, b) -> a));
	}

	/**
	 * A name lookup that remembers what it has read, for exports that meet the same villages again
	 * and again. Names are public facts; callers pass codes they already hold in scope.
	 */
	public Function<String, String> nameLookup() {
		var cache = new HashMap<String, String>();
		return code -> cache.computeIfAbsent(code, c -> regions.findById(c).map(Region::getName).orElse(""));
	}

	/** The selectable regions for a form: the user's region and what lies below, down to {@code lowest}. */
	public List<Region> selectable(RegionLevel lowest) {
		Specification<Region> where = scope.<Region>specification("code")
			.and((root, query, cb) -> cb.isNull(root.get("retiredAt")))
			.and((root, query, cb) -> cb.le(cb.length(root.get("code")), lowest.codeLength()));
		return regions.findAll(where, Sort.by("code"));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Region addChild(String parentCode, String name, @Nullable UUID submission) {
		var parent = get(parentCode);
		var level = parent.getLevel().child();
		if (level == null || !level.isLocallyManaged()) {
			throw new BusinessRuleException("region.error.childLevel");
		}
		var claim = submissions.claim(submission, ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlier().get());
		}
		regions.lockById(parentCode);
		if (parent.isRetired()) {
			throw new BusinessRuleException("region.error.parentRetired");
		}
		var cleanName = requireName(name);
		if (regions.existsByParentCodeAndName(parentCode, cleanName)) {
			throw new BusinessRuleException("region.error.duplicateName");
		}
		var region = saveNew(new Region(nextChildCode(parent), cleanName, level, parentCode));
		claim.made(region.getCode());
		auditLog.record(AuditAction.CREATE, ENTITY, region.getCode(), level + " " + cleanName);
		return region;
	}

	/** The parent's lock makes adders take turns; a code taken all the same (an import) is a clear refusal. */
	private Region saveNew(Region region) {
		try {
			return regions.saveAndFlush(region);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "region_pkey")) {
				throw new BusinessRuleException("region.error.addedMeanwhile");
			}
			throw ex;
		}
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Region rename(String code, String name, long version) {
		var region = editable(code, version);
		var cleanName = requireName(name);
		if (!cleanName.equals(region.getName()) && region.getParentCode() != null
				&& regions.existsByParentCodeAndName(region.getParentCode(), cleanName)) {
			throw new BusinessRuleException("region.error.duplicateName");
		}
		var oldName = region.getName();
		region.rename(cleanName);
		auditLog.record(AuditAction.UPDATE, ENTITY, code, "名称 " + oldName + " → " + cleanName);
		return region;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Region retire(String code, long version) {
		var region = editable(code, version);
		if (region.isRetired()) {
			throw new BusinessRuleException("region.error.alreadyRetired");
		}
		region.retire();
		auditLog.record(AuditAction.RETIRE, ENTITY, code, region.getName());
		return region;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public Region reinstate(String code, long version) {
		var region = editable(code, version);
		region.reinstate();
		auditLog.record(AuditAction.UPDATE, ENTITY, code, "恢复 " + region.getName());
		return region;
	}

	private Region editable(String code, long version) {
		var region = get(code);
		if (!region.getLevel().isLocallyManaged() || code.equals(scope.prefix())) {
			throw new BusinessRuleException("region.error.notManaged");
		}
		StaleEdits.requireVersion(region.getVersion(), version, ENTITY, code);
		return region;
	}

	private String nextChildCode(Region parent) {
		int last = regions.findLastChildCode(parent.getCode()).map(code -> RegionCode.of(code).number()).orElse(0);
		return RegionCode.of(parent.getCode())
			.child(last + 1)
			.orElseThrow(() -> new BusinessRuleException("region.error.codesExhausted"))
			.toString();
	}

	private static String requireName(@Nullable String name) {
		var clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 50) {
			throw new BusinessRuleException("region.error.name");
		}
		return clean;
	}


}
