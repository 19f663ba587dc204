package org.pomegranate.unit.network;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.pairing.PairingDirectory.CadreSummary;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The members of a unit: cadres of the people registry, each with one active role at a time;
 * joining and leaving keep the history (调整充实). 育籽员 are the members with that role.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitMembers {

	static final String ENTITY = "UnitMembership";

	/** How many cadres the member form's chooser offers at most. */
	static final int CADRE_CHOICES = 300;

	private final UnitRegistration registration;

	private final UnitMembershipRepository memberships;

	private final PairingDirectory people;

	private final UnitHistory history;

	private final AuditLog auditLog;

	private final SubmissionTokens submissions;

	private final Clock clock;

	UnitMembers(UnitRegistration registration, UnitMembershipRepository memberships, PairingDirectory people,
			UnitHistory history, AuditLog auditLog, SubmissionTokens submissions, Clock clock) {
		this.registration = registration;
		this.memberships = memberships;
		this.people = people;
		this.history = history;
		this.auditLog = auditLog;
		this.submissions = submissions;
		this.clock = clock;
	}

	/** Every membership of the unit, current and past, newest first. */
	public List<UnitMembership> of(long unitId) {
		registration.get(unitId);
		return memberships.findByUnitIdOrderByJoinedOnDescIdDesc(unitId);
	}

	/** The cadres named by memberships already shown; one outside the user's scope by name only. */
	public Map<Long, CadreSummary> cadresOf(List<UnitMembership> shown) {
		return people.cadresShown(shown.stream().map(UnitMembership::getCadreId).distinct().toList());
	}

	/** The cadres the member form offers: active cadres of the user's scope, by region and name, searched by name. */
	public List<CadreSummary> cadreChoices(long unitId, @org.jspecify.annotations.Nullable String text) {
		registration.get(unitId);
		return people.activeCadres(null, text, CADRE_CHOICES);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public UnitMembership add(long unitId, @Valid MemberForm form) {
		var unit = registration.get(unitId);
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return memberships.findById(claim.earlierId().orElseThrow()).orElseThrow();
		}
		var problems = new FieldProblems();
		unit.refusal(UnitAction.ADD_MEMBER).ifPresent(key -> problems.reject("", key));
		CadreSummary cadre = null;
		if (form.cadreId() == null) {
			problems.reject("cadreId", "unit.member.error.cadre");
		}
		else {
			try {
				cadre = people.cadre(form.cadreId());
			}
			catch (RecordNotFoundException ex) {
				problems.reject("cadreId", "unit.member.error.cadre");
			}
		}
		if (cadre != null && !cadre.active()) {
			problems.reject("cadreId", "unit.member.error.cadreLeft");
		}
		if (cadre != null && memberships.existsByUnitIdAndCadreIdAndLeftOnIsNull(unitId, cadre.id())) {
			problems.reject("cadreId", "unit.member.error.alreadyMember");
		}
		if (form.role() == null) {
			problems.reject("role", "unit.member.error.role");
		}
		problems.throwIfAny();
		var joinedOn = Objects.requireNonNull(FormText.date(form.joinedOn()));
		var membership = new UnitMembership(unit, Objects.requireNonNull(cadre).id(), Objects.requireNonNull(form.role()),
				joinedOn, registration.currentUsername());
		try {
			membership = memberships.saveAndFlush(membership);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "unit_membership_one_active")) {
				new FieldProblems().reject("cadreId", "unit.member.error.alreadyMember").throwIfAny();
			}
			throw ex;
		}
		claim.made(membership.getId());
		history.record(unitId, UnitEvent.Action.MEMBER_JOINED, cadre.name() + " " + form.role().name() + " " + joinedOn);
		auditLog.record(AuditAction.CREATE, ENTITY, membership.getId(), cadre.name() + " → " + unit.getName());
		return membership;
	}

	/** A member leaves on the day given, for the reason given; the row stays in the history. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public UnitMembership leave(long unitId, @Valid LeaveForm form) {
		var unit = registration.get(unitId);
		var membership = form.membership() == null ? null
				: memberships.findById(form.membership()).filter(m -> m.getUnitId().equals(unit.getId())).orElse(null);
		if (membership == null) {
			new FieldProblems().reject("membership", "unit.member.error.membership").throwIfAny();
		}
		StaleEdits.requireVersion(membership.getVersion(), StaleEdits.versionOf(form.version()), ENTITY, membership.getId());
		var leftOn = Objects.requireNonNull(FormText.date(form.leftOn()));
		if (!membership.isActive()) {
			new FieldProblems().reject("membership", "unit.member.error.alreadyLeft").throwIfAny();
		}
		if (leftOn.isBefore(membership.getJoinedOn())) {
			new FieldProblems().reject("leftOn", "unit.member.error.leftBeforeJoined").throwIfAny();
		}
		var reason = Objects.requireNonNull(FormText.clean(form.reason()));
		membership.leave(leftOn, reason);
		memberships.saveAndFlush(membership);
		var name = people.cadresShown(List.of(membership.getCadreId())).get(membership.getCadreId()).name();
		history.record(unitId, UnitEvent.Action.MEMBER_LEFT, name + " " + membership.getRole().name() + " " + leftOn + " " + reason);
		auditLog.record(AuditAction.UPDATE, ENTITY, membership.getId(), name + " 离开 " + unit.getName() + " " + leftOn);
		return membership;
	}

	/** Today in China, the member form's default joining day. */
	public java.time.LocalDate today() {
		return ChinaTime.today(clock);
	}

}
