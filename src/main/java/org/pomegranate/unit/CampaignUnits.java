package org.pomegranate.unit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.unit.network.UnitDirectory;
import org.pomegranate.unit.network.UnitKind;
import org.pomegranate.unit.network.UnitSummary;
import org.springframework.stereotype.Service;

/**
 * What other modules (the assessments of 示范单位) read of campaign units: one unit or a search,
 * inside the user's region scope, as {@link UnitRef} records whose kind is the unit kind's name
 * ({@code AGENCY}, {@code SCHOOL} …), so that no other module depends on the unit module's internals.
 */
@Service
public class CampaignUnits {

	private final UnitDirectory directory;

	CampaignUnits(UnitDirectory directory) {
		this.directory = directory;
	}

	/** A unit as another module refers to it; {@code active}: 在册. */
	public record UnitRef(long id, String name, String kind, String regionCode, boolean active) {

		static UnitRef of(UnitSummary unit) {
			return new UnitRef(unit.id(), unit.name(), unit.kind().name(), unit.regionCode(),
					unit.state() == org.pomegranate.unit.network.UnitState.ACTIVE);
		}

	}

	/** The unit if it exists in the user's scope; empty otherwise (the caller answers 404 or a form error). */
	public Optional<UnitRef> find(long id) {
		return Optional.ofNullable(directory.units(List.of(id)).get(id)).map(UnitRef::of);
	}

	/** 在册 units of the user's scope of kind {@code kind} (a unit kind's name; any when null) whose name contains {@code name}. */
	public List<UnitRef> search(@Nullable String kind, @Nullable String regionCode, @Nullable String name, int limit) {
		UnitKind unitKind = null;
		if (kind != null) {
			try {
				unitKind = UnitKind.valueOf(kind.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return List.of();
			}
		}
		return directory.search(unitKind, regionCode, name, limit).stream().map(UnitRef::of).toList();
	}

}
