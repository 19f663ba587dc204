package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;

/**
 * A framework version's own settings: name, base points (100), pass mark (90), the caps of the
 * bonus and penalty totals (none: uncapped), the days an evaluated holder may appeal, the levels
 * that confirm bottom-up, and whether it is a demonstration (演示) rather than an official system.
 */
public record FrameworkSettings(String name, BigDecimal basePoints, BigDecimal passMark, @Nullable BigDecimal bonusCap,
		@Nullable BigDecimal penaltyCap, int appealDays, List<RegionLevel> approvalLevels, boolean demonstration,
		@Nullable String note) {

	public FrameworkSettings {
		approvalLevels = List.copyOf(approvalLevels);
	}

}
