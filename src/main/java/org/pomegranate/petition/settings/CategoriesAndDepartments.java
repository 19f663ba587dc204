package org.pomegranate.petition.settings;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * What admins set up for the ledger: the categories with their time limits, and the responsible
 * departments of their region. Categories are one list for the whole deployment, so every county
 * classifies alike and figures add up by category; only an admin of a prefecture or above changes
 * it. Departments belong to a region and are managed by the admins of its subtree.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class CategoriesAndDepartments {

	static final String CATEGORY = "PetitionCategory";

	static final String DEPARTMENT = "PetitionDepartment";

	/** Admins at this level or above keep the category list. */
	private static final RegionLevel CATEGORY_KEEPER_LEVEL = RegionLevel.PREFECTURE;

	private final PetitionCategoryRepository categories;

	private final PetitionDepartmentRepository departments;

	private final RegionService regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final SubmissionTokens submissions;

	CategoriesAndDepartments(PetitionCategoryRepository categories, PetitionDepartmentRepository departments,
			RegionService regions, RegionScope scope, AuditLog auditLog, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.categories = categories;
		this.departments = departments;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
	}

	public List<PetitionCategory> categories() {
		return categories.findAllByOrderBySortOrderAscIdAsc();
	}

	public List<PetitionCategory> activeCategories() {
		return categories().stream().filter(PetitionCategory::isActive).toList();
	}

	PetitionCategory category(long id) {
		return categories.findById(id).orElseThrow(() -> new RecordNotFoundException(CATEGORY, id));
	}

	/** Whether the signed-in admin may change the category list. */
	public boolean keepsCategories() {
		return !scope.region().isBelow(CATEGORY_KEEPER_LEVEL);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PetitionCategory saveCategory(@Valid CategoryForm form) {
		if (!keepsCategories()) {
			throw new BusinessRuleException("category.error.keeper");
		}
		var existing = form.id() == null ? null : category(form.id());
		var claim = existing == null ? submissions.claim(form.submission(), CATEGORY) : null;
		if (claim != null && claim.earlier().isPresent()) {
			return category(claim.earlierId().orElseThrow());
		}
		// The form's own fields are checked by its constraints; here the other categories and the two limits together.
		var problems = new FieldProblems();
		var name = Objects.requireNonNull(FormText.clean(form.name()));
		if ((existing == null || !existing.getName().equals(name)) && categories.existsByName(name)) {
			problems.reject("name", "category.error.duplicateName");
		}
		var accept = Objects.requireNonNull(FormText.wholeNumber(form.acceptDays()));
		var close = Objects.requireNonNull(FormText.wholeNumber(form.closeDays()));
		if (close < accept) {
			problems.reject("closeDays", "category.error.closeDays");
		}
		var order = Objects.requireNonNull(FormText.wholeNumber(form.sortOrder()));
		problems.throwIfAny();
		PetitionCategory category;
		if (existing == null) {
			category = new PetitionCategory(name, accept, close, order);
			auditLog.record(AuditAction.CREATE, CATEGORY, name, name + " " + accept + "/" + close + " 天");
		}
		else {
			StaleEdits.requireVersion(existing.getVersion(), StaleEdits.versionOf(form.version()), CATEGORY, form.id());
			auditLog.record(AuditAction.UPDATE, CATEGORY, existing.getId(), existing.getName() + " " + existing.getAcceptDays()
					+ "/" + existing.getCloseDays() + " → " + name + " " + accept + "/" + close + " 天");
			category = existing;
			category.change(name, accept, close, order, !Boolean.FALSE.equals(form.active()));
		}
		try {
			category = categories.saveAndFlush(category);
		}
		catch (DataIntegrityViolationException ex) {
			new FieldProblems().reject("name", "category.error.duplicateName").throwIfAny();
			throw ex;
		}
		if (claim != null) {
			claim.made(category.getId());
		}
		return category;
	}

	// Departments

	/** The departments of the user's subtree, for the admin page and the ledger filter. */
	public List<PetitionDepartment> departments() {
		Specification<PetitionDepartment> where = scope.specification();
		return departments.findAll(where, Sort.by("regionCode", "name"));
	}

	public PetitionDepartment department(long id) {
		return scope.check(departments.findById(id), DEPARTMENT, id);
	}

	/**
	 * The active departments that serve a village: those of the village and of every region above
	 * it, so a township may push to a county bureau and the prefecture to its own offices.
	 */
	public List<PetitionDepartment> servingVillage(String villageCode) {
		var path = RegionCode.of(villageCode).path().stream().map(RegionCode::toString).toList();
		return departments.findByActiveTrueAndRegionCodeInOrderByRegionCodeAscNameAsc(path);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PetitionDepartment createDepartment(@Valid DepartmentForm form) {
		var claim = submissions.claim(form.submission(), DEPARTMENT);
		if (claim.earlier().isPresent()) {
			return department(claim.earlierId().orElseThrow());
		}
		var problems = new FieldProblems();
		var name = departmentName(form);
		var regionCode = FormText.clean(form.regionCode());
		if (regionCode == null || regions.find(regionCode).isEmpty() || !scope.contains(regionCode)) {
			problems.reject("regionCode", "department.error.region");
		}
		else if (departments.existsByRegionCodeAndName(regionCode, name)) {
			problems.reject("name", "department.error.duplicateName");
		}
		problems.throwIfAny();
		var department = saveDepartment(new PetitionDepartment(name, regionCode));
		claim.made(department.getId());
		auditLog.record(AuditAction.CREATE, DEPARTMENT, department.getId(), name + " @" + regionCode);
		return department;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public PetitionDepartment updateDepartment(long id, @Valid DepartmentForm form) {
		var department = department(id);
		StaleEdits.requireVersion(department.getVersion(), StaleEdits.versionOf(form.version()), DEPARTMENT, id);
		var problems = new FieldProblems();
		var name = departmentName(form);
		if (!name.equals(department.getName())
				&& departments.existsByRegionCodeAndName(department.getRegionCode(), name)) {
			problems.reject("name", "department.error.duplicateName");
		}
		problems.throwIfAny();
		department.change(name, Boolean.TRUE.equals(form.active()));
		saveDepartment(department);
		auditLog.record(AuditAction.UPDATE, DEPARTMENT, id, name + (department.isActive() ? "" : "（停用）"));
		return department;
	}

	/** The name as the form's constraints let it through. */
	private static String departmentName(DepartmentForm form) {
		return Objects.requireNonNull(FormText.clean(form.name()));
	}

	/** The unique key settles two admins adding the same department at once. */
	private PetitionDepartment saveDepartment(PetitionDepartment department) {
		try {
			return departments.saveAndFlush(department);
		}
		catch (DataIntegrityViolationException ex) {
			new FieldProblems().reject("name", "department.error.duplicateName").throwIfAny();
			throw ex;
		}
	}

}
