package org.pomegranate.unit.network;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes a unit's history, one row per change, in the transaction of the change. */
@Component
class UnitHistory {

	private final UnitEventRepository events;

	private final RegionScope scope;

	UnitHistory(UnitEventRepository events, RegionScope scope) {
		this.events = events;
		this.scope = scope;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(long unitId, UnitEvent.Action action, @Nullable String detail) {
		events.save(new UnitEvent(unitId, action, detail, scope.currentUsername()));
	}

	/** Newest first; the caller has loaded the unit in scope. */
	List<UnitEvent> of(long unitId) {
		return events.findByUnitIdOrderByAtDescIdDesc(unitId);
	}

}
