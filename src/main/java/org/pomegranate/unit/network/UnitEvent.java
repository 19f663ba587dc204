package org.pomegranate.unit.network;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One line of a unit's history: what changed, by whom, when. Append-only (a trigger refuses
 * updates and deletes).
 */
@Entity
@Table(name = "unit_event")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UnitEvent {

	/** What happened; labels {@code UnitEvent.NAME} in the bundle. */
	public enum Action {

		CREATED, EDITED, MERGED, MEMBER_JOINED, MEMBER_LEFT, DUTY_STATEMENT, WALL_PHOTO

	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long unitId;

	@Column(name = "action")
	private String action;

	private @Nullable String detail;

	private String actor;

	private Instant at;

	UnitEvent(long unitId, Action action, @Nullable String detail, String actor) {
		this.unitId = unitId;
		this.action = action.name();
		this.detail = detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
		this.actor = actor;
		this.at = Instant.now();
	}

	public Action actionValue() {
		return Action.valueOf(action);
	}

}
