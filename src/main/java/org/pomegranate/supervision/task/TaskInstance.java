package org.pomegranate.supervision.task;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScoped;

/**
 * One recipient's task of one period (an instance of a task list) and its steps. Every step is a
 * method here that first asks {@link #refusal} whether this actor may take it now: the recipient
 * side is staff and admins of the recipient's region (a unit's: of the unit's region), the issuer
 * side admins and supervisors of the issuing region; nobody else takes a step, whoever they are.
 * Instances are made only by the generation's {@code insert … on conflict do nothing}, never here.
 */
@Entity
@Table(name = "task_instance")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TaskInstance implements RegionScoped {

	/** How long an instance may wait for its 签收 before the issuer sees it flagged. */
	public static final Duration ACKNOWLEDGE_WITHIN = Duration.ofHours(24);

	private static final Set<Role> RECIPIENT_ROLES = EnumSet.of(Role.STAFF, Role.ADMIN);

	private static final Set<Role> ISSUER_ROLES = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	@Id
	private Long id;

	private Long listId;

	private String recipientKey;

	/** The recipient's region (a unit's region for a unit): the scope and the figures go by it. */
	private String regionCode;

	private String issuerRegionCode;

	private @Nullable Long unitId;

	private String recipientName;

	private String period;

	private Instant opensAt;

	private LocalDate dueOn;

	/** The due date an extension granted; overdue counts from it. */
	private @Nullable LocalDate grantedDueOn;

	@Enumerated(EnumType.STRING)
	private TaskState state;

	private @Nullable Instant acknowledgedAt;

	/** The day of the latest report: on time when not after the due date in force. */
	private @Nullable LocalDate reportedOn;

	private @Nullable LocalDate acceptedOn;

	private @Nullable String reportText;

	private @Nullable String figureLabel;

	private @Nullable Long figureValue;

	private @Nullable String extensionReason;

	/** Set while an extension request waits for the issuer's decision. */
	private @Nullable LocalDate extensionWantedOn;

	@Version
	private long version;

	/** For tests and the generation's twin in Java: an instance as the insert makes it. */
	TaskInstance(String regionCode, String issuerRegionCode, Instant opensAt, LocalDate dueOn) {
		this.regionCode = regionCode;
		this.issuerRegionCode = issuerRegionCode;
		this.opensAt = opensAt;
		this.dueOn = dueOn;
		this.state = TaskState.PENDING;
		this.recipientKey = "R:" + regionCode;
		this.recipientName = regionCode;
		this.period = Schedule.ONCE;
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may.
	 * The page offers exactly the steps this allows, and every step method enforces it.
	 */
	public Optional<String> refusal(TaskAction action, TaskActor actor) {
		return switch (action) {
			case ISSUE -> Optional.of("task.refused.ISSUE");
			case ACKNOWLEDGE -> recipientStep(actor, state == TaskState.PENDING, action);
			case REPORT -> recipientStep(actor, state == TaskState.ACKNOWLEDGED || state == TaskState.RETURNED, action);
			case REQUEST_EXTENSION -> {
				var refused = recipientStep(actor, state == TaskState.ACKNOWLEDGED || state == TaskState.RETURNED, action);
				yield refused.isPresent() || !extensionPending() ? refused : Optional.of("task.refused.extensionPending");
			}
			case RETURN, ACCEPT -> issuerStep(actor, state == TaskState.REPORTED, action);
			case GRANT_EXTENSION, REFUSE_EXTENSION -> issuerStep(actor, extensionPending() && state != TaskState.ACCEPTED,
					action);
		};
	}

	private Optional<String> recipientStep(TaskActor actor, boolean stateAllows, TaskAction action) {
		if (!RECIPIENT_ROLES.contains(actor.role())) {
			return Optional.of("task.refused.role");
		}
		if (!actor.regionCode().equals(regionCode)) {
			return Optional.of("task.refused.notRecipient");
		}
		return stateAllows ? Optional.empty() : Optional.of("task.refused." + action.name());
	}

	private Optional<String> issuerStep(TaskActor actor, boolean stateAllows, TaskAction action) {
		if (!ISSUER_ROLES.contains(actor.role())) {
			return Optional.of("task.refused.role");
		}
		if (!actor.regionCode().equals(issuerRegionCode)) {
			return Optional.of("task.refused.notIssuer");
		}
		return stateAllows ? Optional.empty() : Optional.of("task.refused." + action.name());
	}

	private void require(TaskAction action, TaskActor actor) {
		var refused = refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	/** The due date in force: the one an extension granted, else the list's. */
	public LocalDate effectiveDueOn() {
		return grantedDueOn != null ? grantedDueOn : dueOn;
	}

	/**
	 * Still owing its report after the due date in force. The queries' twin is
	 * {@code state in ('PENDING','ACKNOWLEDGED','RETURNED') and coalesce(granted_due_on, due_on) < today}.
	 */
	public boolean isOverdue(LocalDate today) {
		return state.owing() && effectiveDueOn().isBefore(today);
	}

	/** Still waiting for its 签收 more than 24 hours after it opened: the issuer sees the flag. */
	public boolean isUnacknowledged(Instant now) {
		return state == TaskState.PENDING && opensAt.plus(ACKNOWLEDGE_WITHIN).isBefore(now);
	}

	/** Accepted, reported no later than the due date in force. */
	public boolean isOnTime() {
		return state == TaskState.ACCEPTED && reportedOn != null && !reportedOn.isAfter(effectiveDueOn());
	}

	public boolean extensionPending() {
		return extensionWantedOn != null;
	}

	// The steps.

	TaskEvent acknowledge(TaskActor actor, Instant now) {
		require(TaskAction.ACKNOWLEDGE, actor);
		var from = state;
		this.state = TaskState.ACKNOWLEDGED;
		this.acknowledgedAt = now;
		return event(TaskAction.ACKNOWLEDGE, from, actor, null, null);
	}

	TaskEvent report(TaskActor actor, String text, @Nullable String figureLabel, @Nullable Long figureValue,
			LocalDate today) {
		require(TaskAction.REPORT, actor);
		var from = state;
		this.state = TaskState.REPORTED;
		this.reportText = text;
		this.figureLabel = figureLabel;
		this.figureValue = figureValue;
		this.reportedOn = today;
		return event(TaskAction.REPORT, from, actor, text, today);
	}

	TaskEvent returnToRecipient(TaskActor actor, String reason) {
		require(TaskAction.RETURN, actor);
		var from = state;
		this.state = TaskState.RETURNED;
		return event(TaskAction.RETURN, from, actor, reason, null);
	}

	/** 办结; an extension request still waiting is moot once the task is done. */
	TaskEvent accept(TaskActor actor, @Nullable String comment, LocalDate today) {
		require(TaskAction.ACCEPT, actor);
		var from = state;
		this.state = TaskState.ACCEPTED;
		this.acceptedOn = today;
		this.extensionWantedOn = null;
		return event(TaskAction.ACCEPT, from, actor, comment, today);
	}

	TaskEvent requestExtension(TaskActor actor, String reason, LocalDate wantedOn) {
		require(TaskAction.REQUEST_EXTENSION, actor);
		if (!wantedOn.isAfter(effectiveDueOn())) {
			throw new BusinessRuleException("task.extension.notLater");
		}
		this.extensionReason = reason;
		this.extensionWantedOn = wantedOn;
		return event(TaskAction.REQUEST_EXTENSION, state, actor, reason, wantedOn);
	}

	TaskEvent grantExtension(TaskActor actor, LocalDate newDueOn, @Nullable String comment) {
		require(TaskAction.GRANT_EXTENSION, actor);
		if (!newDueOn.isAfter(effectiveDueOn())) {
			throw new BusinessRuleException("task.extension.notLater");
		}
		this.grantedDueOn = newDueOn;
		this.extensionWantedOn = null;
		return event(TaskAction.GRANT_EXTENSION, state, actor, comment, newDueOn);
	}

	TaskEvent refuseExtension(TaskActor actor, String reason) {
		require(TaskAction.REFUSE_EXTENSION, actor);
		this.extensionWantedOn = null;
		return event(TaskAction.REFUSE_EXTENSION, state, actor, reason, null);
	}

	private TaskEvent event(TaskAction action, TaskState from, TaskActor actor, @Nullable String comment,
			@Nullable LocalDate onDate) {
		return new TaskEvent(id, regionCode, action, from, state, actor, comment, onDate);
	}

}
