package org.pomegranate.supervision.inspection;

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
 * One step of a rectification, as its timeline shows it: who, when, from which state to which,
 * why, and a new deadline where one was set. Files of a report hang on it. Written once.
 */
@Entity
@Table(name = "rectification_step")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class RectificationStep implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long rectificationId;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private RectificationAction action;

	@Enumerated(EnumType.STRING)
	private @Nullable RectificationState fromState;

	@Enumerated(EnumType.STRING)
	private RectificationState toState;

	private String actorUsername;

	private String actorName;

	private Instant actedAt;

	private @Nullable String comment;

	private @Nullable LocalDate dueOn;

	RectificationStep(Rectification rectification, RectificationAction action, @Nullable RectificationState from,
			Actor actor, @Nullable String comment) {
		this.rectificationId = rectification.getId();
		this.regionCode = rectification.getRegionCode();
		this.action = action;
		this.fromState = from;
		this.toState = rectification.getState();
		this.actorUsername = actor.username();
		this.actorName = actor.displayName();
		this.actedAt = Instant.now();
		this.comment = comment;
	}

	void dueOn(LocalDate dueOn) {
		this.dueOn = dueOn;
	}

}
