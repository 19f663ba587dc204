package org.pomegranate.petition.loop;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * One step of a petition's loop, as its timeline shows it: who, when, from which state to which,
 * and why. Written once, never changed.
 */
@Entity
@Table(name = "petition_step")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PetitionStep implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long petitionId;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private PetitionAction action;

	@Enumerated(EnumType.STRING)
	private @Nullable PetitionState fromState;

	@Enumerated(EnumType.STRING)
	private PetitionState toState;

	private String actorUsername;

	private String actorName;

	private Instant actedAt;

	private @Nullable String comment;

	private @Nullable String departmentName;

	private @Nullable String handlerName;

	@Enumerated(EnumType.STRING)
	private @Nullable Outcome outcome;

	@Enumerated(EnumType.STRING)
	private @Nullable Rating rating;

	private @Nullable LocalDate targetOn;

	PetitionStep(Petition petition, PetitionAction action, @Nullable PetitionState from, Actor actor,
			@Nullable String comment) {
		this.petitionId = petition.getId();
		this.regionCode = petition.getRegionCode();
		this.action = action;
		this.fromState = from;
		this.toState = petition.getState();
		this.actorUsername = actor.username();
		this.actorName = actor.displayName();
		this.actedAt = Instant.now();
		this.comment = comment;
	}

	void pushedTo(String departmentName, String handlerName) {
		this.departmentName = departmentName;
		this.handlerName = handlerName;
	}

	void closedAs(Outcome outcome) {
		this.outcome = outcome;
	}

	void ratedAs(Rating rating) {
		this.rating = rating;
	}

	void targetOn(LocalDate targetOn) {
		this.targetOn = targetOn;
	}

}
