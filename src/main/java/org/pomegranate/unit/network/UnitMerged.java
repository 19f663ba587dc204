package org.pomegranate.unit.network;

import java.time.LocalDate;

/** A unit left the register (已撤并) on {@code mergedOn} for {@code reason}; its titles are decided by their issuers. */
public record UnitMerged(long unitId, LocalDate mergedOn, String reason) {
}
