package org.pomegranate.unit.network;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * The few columns of a title (table {@code naming}, the naming part's) that the unit list's
 * "named / not named" filter asks: read only, never written from here.
 */
@Entity(name = "UnitLiveTitle")
@Table(name = "naming")
@Immutable
class UnitLiveTitle {

	@Id
	private Long id;

	private @Nullable Long unitId;

	private String state;

	private @Nullable LocalDate validUntil;

	protected UnitLiveTitle() {
	}

}
