package org.pomegranate.pairing;

/**
 * A household now lives in another village (an approved transfer, or its village corrected by an
 * edit). Published while the move is being saved, so that what other modules keep of where it
 * lives (a 示范家庭 title) moves in the same transaction.
 */
public record HouseholdMoved(long householdId, String fromRegionCode, String toRegionCode) {
}
