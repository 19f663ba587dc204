package org.pomegranate.unit.network;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** What is entered about a unit, already cleaned up and checked against the records by the service. */
record UnitDetails(String name, UnitKind kind, String regionCode, @Nullable Long parentId, @Nullable String creditCode,
		@Nullable String address, @Nullable String personInCharge, @Nullable String phone, @Nullable LocalDate foundedOn) {
}
