package org.pomegranate.supervision.task;

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

/** One line of an instance's timeline: the step, who took it, from which state to which, and why. */
@Entity
@Table(name = "task_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class TaskEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long instanceId;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private TaskAction action;

	@Enumerated(EnumType.STRING)
	private @Nullable TaskState fromState;

	@Enumerated(EnumType.STRING)
	private TaskState toState;

	private String actorUsername;

	private String actorName;

	private @Nullable String comment;

	/** The date the step names: the report's day, the wanted or granted due date. */
	private @Nullable LocalDate onDate;

	private Instant occurredAt;

	TaskEvent(Long instanceId, String regionCode, TaskAction action, @Nullable TaskState fromState, TaskState toState,
			TaskActor actor, @Nullable String comment, @Nullable LocalDate onDate) {
		this.instanceId = instanceId;
		this.regionCode = regionCode;
		this.action = action;
		this.fromState = fromState;
		this.toState = toState;
		this.actorUsername = actor.username();
		this.actorName = actor.displayName();
		this.comment = comment;
		this.onDate = onDate;
		this.occurredAt = Instant.now();
	}

	/** When it happened, on the clock of China, as the timeline shows it. */
	public java.time.LocalDateTime occurredInChina() {
		return java.time.LocalDateTime.ofInstant(occurredAt, org.pomegranate.shared.ChinaTime.ZONE);
	}

}
