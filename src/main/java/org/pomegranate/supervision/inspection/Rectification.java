package org.pomegranate.supervision.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScoped;

/**
 * A rectification (整改) and its loop: ordered by a finding or a published criticism, reported by
 * the responsible side (staff and admins of the responsible region, or of a region between it and
 * the issuing one), verified by the issuing side (supervisors and admins of the issuing
 * region or above): 通过 closes it, 未通过 sends it back with a new deadline. Every step asks
 * {@link #refusal} first. Awaiting a report past its deadline it is overdue, and escalates to
 * {@link #regionAbove}, whose inbox shows it.
 */
@Entity
@Table(name = "rectification")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Rectification implements RegionScoped {

	static final Set<Role> REPORTERS = EnumSet.of(Role.STAFF, Role.ADMIN);

	static final Set<Role> VERIFIERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private RectificationSource source;

	private @Nullable Long findingId;

	private @Nullable Long noticeId;

	/** The responsible region (a unit's own region): the scope and the figures go by it. */
	private String regionCode;

	/** The region an overdue rectification escalates to; null for a province's own. */
	private @Nullable String regionAbove;

	private @Nullable Long unitId;

	private String responsibleName;

	/** The region whose inspection or notice ordered it: its supervisors and admins verify. */
	private String issuingRegionCode;

	private String subject;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	private LocalDate openedOn;

	private LocalDate dueOn;

	@Enumerated(EnumType.STRING)
	private RectificationState state;

	private @Nullable String measures;

	private @Nullable LocalDate reportedOn;

	private @Nullable LocalDate closedOn;

	/** How many times verification failed. */
	private int returns;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	private Rectification(RectificationSource source, @Nullable Long findingId, @Nullable Long noticeId,
			String regionCode, @Nullable Long unitId, String responsibleName, String issuingRegionCode, String subject,
			Severity severity, LocalDate openedOn, LocalDate dueOn) {
		this.source = source;
		this.findingId = findingId;
		this.noticeId = noticeId;
		this.regionCode = regionCode;
		this.regionAbove = RegionCode.of(regionCode).parent().map(RegionCode::toString).orElse(null);
		this.unitId = unitId;
		this.responsibleName = responsibleName;
		this.issuingRegionCode = issuingRegionCode;
		this.subject = subject;
		this.severity = severity;
		this.openedOn = openedOn;
		this.dueOn = dueOn;
		this.state = RectificationState.OPEN;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	/** The rectification a finding orders, due on {@code dueOn}. */
	static Rectification ofFinding(Finding finding, String issuingRegionCode, LocalDate dueOn) {
		return new Rectification(RectificationSource.FINDING, finding.getId(), null, finding.getRegionCode(),
				finding.getUnitId(), finding.getResponsibleName(), issuingRegionCode, finding.getDescription(),
				finding.getSeverity(), finding.getFoundOn(), dueOn);
	}

	/** The rectification a published criticism orders of one of its targets (督促限期整改). */
	static Rectification ofNotice(long noticeId, String regionCode, @Nullable Long unitId, String responsibleName,
			String issuingRegionCode, String subject, LocalDate openedOn, LocalDate dueOn) {
		return new Rectification(RectificationSource.NOTICE, null, noticeId, regionCode, unitId, responsibleName,
				issuingRegionCode, subject, Severity.MAJOR, openedOn, dueOn);
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may.
	 * The page offers exactly the steps this allows, and every step method enforces it.
	 */
	Optional<String> refusal(RectificationAction action, Actor actor) {
		var role = actor.role();
		return switch (action) {
			case OPEN -> Optional.of("rectification.refused.OPEN");
			case REPORT -> {
				if (!REPORTERS.contains(role)) {
					yield Optional.of("rectification.refused.role");
				}
				if (!RectificationState.AWAITING_REPORT.contains(state)) {
					yield Optional.of("rectification.refused.REPORT");
				}
				yield isResponsibleSide(actor) ? Optional.empty() : Optional.of("rectification.refused.notResponsible");
			}
			case PASS, FAIL -> {
				if (!VERIFIERS.contains(role)) {
					yield Optional.of("rectification.refused.role");
				}
				if (state != RectificationState.REPORTED) {
					yield Optional.of("rectification.refused." + action.name());
				}
				yield actor.covers(issuingRegionCode) ? Optional.empty() : Optional.of("rectification.refused.notInspector");
			}
		};
	}

	/**
	 * The responsible region itself, or a region above it that is not the issuing side: an
	 * inspector does not report the rectification of what they found, but a county may stand in
	 * for its township, and a region that inspected itself reports its own.
	 */
	boolean isResponsibleSide(Actor actor) {
		return actor.regionCode().equals(regionCode) || (actor.covers(regionCode) && !actor.covers(issuingRegionCode));
	}

	private void require(RectificationAction action, Actor actor) {
		var refused = refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	/**
	 * Waiting for a report past its deadline as of {@code today}. Queries ask SQL's twin,
	 * {@code rectification_overdue(state, due_on, today)}.
	 */
	public boolean isOverdue(LocalDate today) {
		return RectificationState.AWAITING_REPORT.contains(state) && dueOn.isBefore(today);
	}

	/** Where it has escalated to as of {@code today}: the region above, while overdue; null otherwise. */
	public @Nullable String escalatedTo(LocalDate today) {
		return isOverdue(today) ? regionAbove : null;
	}

	// The steps.

	RectificationStep opened(Actor actor) {
		return new RectificationStep(this, RectificationAction.OPEN, null, actor, null);
	}

	RectificationStep report(Actor actor, String measures, LocalDate today) {
		require(RectificationAction.REPORT, actor);
		var from = state;
		this.state = RectificationState.REPORTED;
		this.measures = measures;
		this.reportedOn = today;
		return step(RectificationAction.REPORT, from, actor, measures);
	}

	RectificationStep pass(Actor actor, @Nullable String comment, LocalDate today) {
		require(RectificationAction.PASS, actor);
		var from = state;
		this.state = RectificationState.VERIFIED;
		this.closedOn = today;
		return step(RectificationAction.PASS, from, actor, comment);
	}

	/** Verification failed: back to the responsible side, due again on {@code newDueOn} (after today). */
	RectificationStep fail(Actor actor, String reason, LocalDate newDueOn, LocalDate today) {
		require(RectificationAction.FAIL, actor);
		if (!newDueOn.isAfter(today)) {
			throw new BusinessRuleException("rectification.error.newDueOn");
		}
		var from = state;
		this.state = RectificationState.RETURNED;
		this.dueOn = newDueOn;
		this.returns++;
		var step = step(RectificationAction.FAIL, from, actor, reason);
		step.dueOn(newDueOn);
		return step;
	}

	private RectificationStep step(RectificationAction action, RectificationState from, Actor actor,
			@Nullable String comment) {
		this.updatedAt = Instant.now();
		return new RectificationStep(this, action, from, actor, comment);
	}

}
