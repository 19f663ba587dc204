package org.pomegranate.unit.network;

/** A unit as other parts see it (the naming part names units): what it is, where it is, whether it is in the register. */
public record UnitSummary(long id, String name, UnitKind kind, String regionCode, UnitState state) {

	static UnitSummary of(CampaignUnit unit) {
		return new UnitSummary(unit.getId(), unit.getName(), unit.getKind(), unit.getRegionCode(), unit.getState());
	}

}
