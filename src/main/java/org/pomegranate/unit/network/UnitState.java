package org.pomegranate.unit.network;

/** 在册 or 已撤并 (merged or dissolved, with a date and a reason). Message keys {@code UnitState.NAME}. */
public enum UnitState {

	ACTIVE, MERGED

}
