package org.pomegranate.unit.naming;

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

/** One step of a title's history: who, when, from which state to which, by which document, why. Append-only. */
@Entity
@Table(name = "naming_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class NamingEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long namingId;

	@Enumerated(EnumType.STRING)
	private NamingAction action;

	@Enumerated(EnumType.STRING)
	private @Nullable NamingState fromState;

	@Enumerated(EnumType.STRING)
	private NamingState toState;

	private LocalDate onDate;

	private @Nullable String documentNumber;

	private @Nullable String note;

	private String actor;

	private Instant at;

	NamingEvent(Naming naming, NamingAction action, @Nullable NamingState from, LocalDate on,
			@Nullable String documentNumber, @Nullable String note, String actor) {
		this.namingId = naming.getId();
		this.action = action;
		this.fromState = from;
		this.toState = naming.getState();
		this.onDate = on;
		this.documentNumber = documentNumber;
		this.note = note;
		this.actor = actor;
		this.at = Instant.now();
	}

}
