package org.pomegranate.petition.loop;

import org.pomegranate.petition.settings.PetitionCategory;
import org.pomegranate.petition.settings.PetitionDepartment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.account.UserSummary;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.RegionScoped;

/**
 * A petition (诉求) and its loop. Every step is a method here that first asks {@link #refusal}
 * whether this actor may take it in this state, so no request, whatever it says, moves a
 * petition where the loop does not go. The state and what the figures count (outcome, rating,
 * dates, reopenings) are kept on this row.
 */
@Entity
@Table(name = "petition")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Petition implements RegionScoped {

	private static final Set<Role> PUSHERS = EnumSet.of(Role.STAFF, Role.SUPERVISOR, Role.ADMIN);

	private static final Set<Role> HANDLERS = EnumSet.of(Role.STAFF, Role.ADMIN);

	private static final Set<Role> RECORDERS = EnumSet.of(Role.STAFF, Role.ADMIN);

	private static final Set<Role> BACKLOG_MARKERS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String number;

	private UUID submissionToken;

	@Enumerated(EnumType.STRING)
	private PetitionSource source;

	private @Nullable Long householdId;

	private @Nullable Long visitId;

	/** The activity of the activities ledger it was raised at (a 宣讲会), read through that module's API. */
	private @Nullable Long activityId;

	/** The inspection's finding it was raised from (a finding that really is a citizen's demand), read through the supervision module's API. */
	private @Nullable Long findingId;

	private String petitionerName;

	private @Nullable String petitionerPhone;

	/** The village the petition comes from: the scope and the figures go by it. */
	private String regionCode;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "category_id")
	private PetitionCategory category;

	private String title;

	private @Nullable String description;

	@Enumerated(EnumType.STRING)
	private Urgency urgency;

	private LocalDate receivedOn;

	@Enumerated(EnumType.STRING)
	private PetitionState state;

	@Enumerated(EnumType.STRING)
	private @Nullable Outcome outcome;

	@Enumerated(EnumType.STRING)
	private @Nullable Rating rating;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "department_id")
	private @Nullable PetitionDepartment department;

	private @Nullable String handlerUsername;

	private @Nullable String handlerName;

	/** The region of whoever pushed it last: a returned petition goes back there. */
	private @Nullable String pushRegion;

	/** Set when closed as unresolvable: the region above the department, which may push it again. */
	private @Nullable String escalatedTo;

	private LocalDate acceptDueOn;

	private LocalDate closeDueOn;

	private @Nullable LocalDate firstPushedOn;

	private @Nullable LocalDate firstAcceptedOn;

	/** The day of the latest closing; kept when reopened, so "ever closed" can be counted. */
	private @Nullable LocalDate closedOn;

	private int reopenCount;

	private boolean backlog;

	private @Nullable LocalDate backlogMarkedOn;

	private @Nullable LocalDate backlogTargetOn;

	private String registeredBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	Petition(String number, UUID submissionToken, PetitionDetails details, String registeredBy) {
		this.number = number;
		this.submissionToken = submissionToken;
		this.source = details.source();
		this.householdId = details.householdId();
		this.visitId = details.visitId();
		this.activityId = details.activityId();
		this.findingId = details.findingId();
		this.petitionerName = details.petitionerName();
		this.petitionerPhone = details.petitionerPhone();
		this.regionCode = details.regionCode();
		this.category = details.category();
		this.title = details.title();
		this.description = details.description();
		this.urgency = details.urgency();
		this.receivedOn = details.receivedOn();
		this.state = PetitionState.REGISTERED;
		this.acceptDueOn = receivedOn.plusDays(category.getAcceptDays());
		this.closeDueOn = receivedOn.plusDays(category.getCloseDays());
		this.registeredBy = registeredBy;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may.
	 * The page offers exactly the actions this allows, and every step method enforces it.
	 */
	Optional<String> refusal(PetitionAction action, Actor actor) {
		var role = actor.role();
		return switch (action) {
			case REGISTER -> Optional.of("petition.refused.REGISTER");
			case PUSH -> {
				if (!PUSHERS.contains(role)) {
					yield Optional.of("petition.refused.role");
				}
				if (state == PetitionState.REGISTERED || state == PetitionState.RETURNED) {
					yield Optional.empty();
				}
				if (isEscalated()) {
					yield actor.covers(escalatedTo) ? Optional.empty() : Optional.of("petition.refused.escalated");
				}
				yield Optional.of("petition.refused.PUSH");
			}
			case ACCEPT, RETURN -> handlerStep(actor, state == PetitionState.PUSHED, action);
			case PROGRESS, CLOSE -> handlerStep(actor,
					state == PetitionState.ACCEPTED || state == PetitionState.IN_PROGRESS, action);
			case RATE -> {
				if (!RECORDERS.contains(role)) {
					yield Optional.of("petition.refused.role");
				}
				if (state != PetitionState.CLOSED) {
					yield Optional.of("petition.refused.RATE");
				}
				// The citizen's verdict on a handler's work is not recorded by that handler.
				yield role == Role.STAFF && isHandler(actor) ? Optional.of("petition.refused.ownRating") : Optional.empty();
			}
			case ARCHIVE -> !RECORDERS.contains(role) ? Optional.of("petition.refused.role")
					: state != PetitionState.RATED ? Optional.of("petition.refused.ARCHIVE") : Optional.empty();
			case MARK_BACKLOG -> !BACKLOG_MARKERS.contains(role) ? Optional.of("petition.refused.role")
					: state == PetitionState.ARCHIVED ? Optional.of("petition.refused.MARK_BACKLOG")
					: backlog ? Optional.of("petition.refused.alreadyBacklog") : Optional.empty();
		};
	}

	private Optional<String> handlerStep(Actor actor, boolean stateAllows, PetitionAction action) {
		if (!HANDLERS.contains(actor.role())) {
			return Optional.of("petition.refused.role");
		}
		if (!stateAllows) {
			return Optional.of("petition.refused." + action.name());
		}
		// Admins stand in for an absent handler; other staff may not take over a petition.
		if (actor.role() == Role.STAFF && !isHandler(actor)) {
			return Optional.of("petition.refused.notHandler");
		}
		return Optional.empty();
	}

	private void require(PetitionAction action, Actor actor) {
		var refused = refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	boolean isHandler(Actor actor) {
		return actor.username().equals(handlerUsername);
	}

	/** Closed as unresolvable and gone up to {@link #escalatedTo}, which may push it again. */
	public boolean isEscalated() {
		return outcome == Outcome.UNRESOLVABLE && escalatedTo != null
				&& (state == PetitionState.CLOSED || state == PetitionState.RATED);
	}

	/**
	 * Open and past its accept or close limit as of {@code today}. Queries ask SQL's twin,
	 * {@code petition_overdue(state, accept_due_on, close_due_on, today)} in {@code R__petition.sql}.
	 */
	public boolean isOverdue(LocalDate today) {
		return state.isOpen() && (closeDueOn.isBefore(today)
				|| (PetitionState.AWAITING_ACCEPTANCE.contains(state) && acceptDueOn.isBefore(today)));
	}

	public String maskedPhone() {
		return Masking.phone(petitionerPhone);
	}

	// The steps of the loop.

	PetitionStep registered(Actor actor) {
		return new PetitionStep(this, PetitionAction.REGISTER, null, actor, null);
	}

	PetitionStep push(Actor actor, PetitionDepartment department, UserSummary handler, @Nullable String comment,
			LocalDate today) {
		require(PetitionAction.PUSH, actor);
		var from = state;
		if (isEscalated()) {
			// The region above takes it up: a new round with fresh limits.
			this.outcome = null;
			this.rating = null;
			this.acceptDueOn = today.plusDays(category.getAcceptDays());
			this.closeDueOn = today.plusDays(category.getCloseDays());
		}
		this.state = PetitionState.PUSHED;
		this.department = department;
		this.handlerUsername = handler.username();
		this.handlerName = handler.displayName();
		this.pushRegion = actor.regionCode();
		if (firstPushedOn == null) {
			this.firstPushedOn = today;
		}
		var step = step(PetitionAction.PUSH, from, actor, comment);
		step.pushedTo(department.getName(), handler.displayName());
		return step;
	}

	PetitionStep accept(Actor actor, @Nullable String comment, LocalDate today) {
		require(PetitionAction.ACCEPT, actor);
		var from = state;
		this.state = PetitionState.ACCEPTED;
		if (firstAcceptedOn == null) {
			this.firstAcceptedOn = today;
		}
		return step(PetitionAction.ACCEPT, from, actor, comment);
	}

	PetitionStep returnToPusher(Actor actor, String reason) {
		require(PetitionAction.RETURN, actor);
		var from = state;
		this.state = PetitionState.RETURNED;
		this.handlerUsername = null;
		this.handlerName = null;
		this.department = null;
		return step(PetitionAction.RETURN, from, actor, reason);
	}

	PetitionStep noteProgress(Actor actor, String note) {
		require(PetitionAction.PROGRESS, actor);
		var from = state;
		this.state = PetitionState.IN_PROGRESS;
		return step(PetitionAction.PROGRESS, from, actor, note);
	}

	/** Closes with an outcome; an unresolvable one goes up to {@code regionAbove}. */
	PetitionStep close(Actor actor, Outcome outcome, String comment, @Nullable String regionAbove, LocalDate today) {
		require(PetitionAction.CLOSE, actor);
		var from = state;
		this.state = PetitionState.CLOSED;
		this.outcome = outcome;
		this.closedOn = today;
		if (outcome == Outcome.UNRESOLVABLE) {
			this.escalatedTo = regionAbove;
		}
		var step = step(PetitionAction.CLOSE, from, actor, comment);
		step.closedAs(outcome);
		return step;
	}

	/** The citizen's rating; 不满意 reopens the petition to its handler with a fresh close limit. */
	PetitionStep rate(Actor actor, Rating rating, @Nullable String comment, LocalDate today) {
		require(PetitionAction.RATE, actor);
		var from = state;
		this.rating = rating;
		if (rating.isSatisfied()) {
			this.state = PetitionState.RATED;
		}
		else {
			this.state = PetitionState.IN_PROGRESS;
			this.outcome = null;
			this.reopenCount++;
			this.closeDueOn = today.plusDays(category.getCloseDays());
		}
		var step = step(PetitionAction.RATE, from, actor, comment);
		step.ratedAs(rating);
		return step;
	}

	PetitionStep archive(Actor actor, @Nullable String comment) {
		require(PetitionAction.ARCHIVE, actor);
		var from = state;
		this.state = PetitionState.ARCHIVED;
		return step(PetitionAction.ARCHIVE, from, actor, comment);
	}

	PetitionStep markBacklog(Actor actor, LocalDate targetOn, @Nullable String comment, LocalDate today) {
		require(PetitionAction.MARK_BACKLOG, actor);
		this.backlog = true;
		this.backlogMarkedOn = today;
		this.backlogTargetOn = targetOn;
		var step = step(PetitionAction.MARK_BACKLOG, state, actor, comment);
		step.targetOn(targetOn);
		return step;
	}

	private PetitionStep step(PetitionAction action, PetitionState from, Actor actor, @Nullable String comment) {
		this.updatedAt = Instant.now();
		return new PetitionStep(this, action, from, actor, comment);
	}

}
