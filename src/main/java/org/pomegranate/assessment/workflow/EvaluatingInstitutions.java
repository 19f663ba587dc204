package org.pomegranate.assessment.workflow;

import java.util.List;

import jakarta.validation.Valid;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.workflow.ReviewForms.AttachReviewerForm;
import org.pomegranate.assessment.workflow.ReviewForms.InstitutionForm;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * 评估机构: the admins of a region register the third-party evaluating institutions of their
 * subtree and attach to each the existing reviewer accounts (role REVIEWER, placed in their
 * subtree) who work for it; a reviewer belongs to one institution at a time. An institution
 * outside the admin's subtree answers as a missing one. Every change is audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class EvaluatingInstitutions {

	static final String ENTITY = "evaluating-institution";

	private static final String SUBMISSION_KIND = "evaluating-institution";

	private final EvaluatingInstitutionRepository institutions;

	private final InstitutionReviewerRepository members;

	private final AccountService accounts;

	private final RegionService regions;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	EvaluatingInstitutions(EvaluatingInstitutionRepository institutions, InstitutionReviewerRepository members,
			AccountService accounts, RegionService regions, RegionScope scope, SubmissionTokens submissions, AuditLog auditLog) {
		this.institutions = institutions;
		this.members = members;
		this.accounts = accounts;
		this.regions = regions;
		this.scope = scope;
		this.submissions = submissions;
		this.auditLog = auditLog;
	}

	/** An institution with how many reviewers it has, for the list. */
	public record Listed(EvaluatingInstitution institution, String regionName, long reviewers) {
	}

	/** A reviewer attached to an institution; {@code enabled} false when the account was disabled since. */
	public record Member(String username, String displayName, String regionCode, boolean enabled) {
	}

	/** The institutions of the admin's subtree, by region then name. */
	public List<Listed> list() {
		return institutions.findAll(scope.specification(), Sort.by("regionCode", "name"))
			.stream()
			.map(institution -> new Listed(institution, regionName(institution.getRegionCode()),
					members.countByInstitutionId(institution.getId())))
			.toList();
	}

	/** The institution if it lies in the admin's subtree; otherwise the 404 of a missing one. */
	public EvaluatingInstitution get(long id) {
		return scope.check(institutions.findById(id), ENTITY, id);
	}

	public String regionName(String code) {
		return regions.find(code).map(region -> region.getName()).orElse(code);
	}

	public List<Member> reviewers(long institutionId) {
		get(institutionId);
		return members.findByInstitutionIdOrderByUserNameAsc(institutionId)
			.stream()
			.map(member -> accounts.enabledUser(member.getUserName())
				.map(user -> new Member(user.username(), user.displayName(), user.regionCode(), true))
				.orElse(new Member(member.getUserName(), member.getUserName(), "", false)))
			.toList();
	}

	/** 登记: a name unique in its region, the region in the admin's subtree; a double submit registers one. */
	@Transactional
	public EvaluatingInstitution register(@Valid InstitutionForm form) {
		var claim = submissions.claim(form.submission(), SUBMISSION_KIND);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return get(earlier.get());
		}
		var problems = new FieldProblems();
		var region = form.cleanRegion();
		if (!scope.contains(region) || regions.find(region).isEmpty()) {
			problems.reject("regionCode", "review.institution.region.invalid");
		}
		problems.throwIfAny();
		if (institutions.existsByRegionCodeAndName(region, form.cleanName())) {
			problems.reject("name", "review.institution.duplicate").throwIfAny();
		}
		var institution = institutions.saveAndFlush(new EvaluatingInstitution(region, form.cleanName(), scope.currentUsername()));
		claim.made(institution.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, institution.getId(), "登记评估机构：" + institution.getName());
		return institution;
	}

	/**
	 * Attaches an existing reviewer account of the admin's subtree. A name that is no such account
	 * (unknown, disabled, another role, outside the subtree) gets one message, so that nothing is
	 * learnt of accounts elsewhere.
	 */
	@Transactional
	public void attach(long institutionId, @Valid AttachReviewerForm form) {
		var institution = get(institutionId);
		var problems = new FieldProblems();
		var user = accounts.enabledUser(form.cleanUsername())
			.filter(account -> account.role() == Role.REVIEWER && scope.contains(account.regionCode()));
		if (user.isEmpty()) {
			problems.reject("username", "review.institution.reviewer.unknown").throwIfAny();
		}
		var username = user.get().username();
		var existing = members.findById(username);
		if (existing.isPresent()) {
			problems.reject("username", existing.get().getInstitutionId() == institutionId
					? "review.institution.reviewer.already" : "review.institution.reviewer.elsewhere").throwIfAny();
		}
		members.saveAndFlush(new InstitutionReviewer(username, institutionId));
		auditLog.record(AuditAction.UPDATE, ENTITY, institutionId, "添加评估人员 " + username + "（" + institution.getName() + "）");
	}

	/** Detaches a reviewer; the assignments already made stay as they are. */
	@Transactional
	public void detach(long institutionId, String username) {
		var institution = get(institutionId);
		var member = members.findById(username)
			.filter(found -> found.getInstitutionId() == institutionId)
			.orElseThrow(() -> new RecordNotFoundException("institution-reviewer", username));
		members.delete(member);
		auditLog.record(AuditAction.UPDATE, ENTITY, institutionId, "移除评估人员 " + username + "（" + institution.getName() + "）");
	}

}
