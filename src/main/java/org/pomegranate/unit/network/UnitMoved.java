package org.pomegranate.unit.network;

/**
 * A unit was moved to another region (its edit changed the region): what lies where it lies, its
 * titles among them, follows it in the same transaction.
 */
public record UnitMoved(long unitId, String fromRegionCode, String toRegionCode) {
}
