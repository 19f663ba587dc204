package org.pomegranate.pairing;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.pairing.program.PairingProgram;
import org.pomegranate.region.Region;
import org.pomegranate.shared.Percent;

/**
 * The coverage of one program in one region as of the end of a day ({@code asOf}, in China): the
 * region's own totals and a row per region below.
 */
public record CoverageReport(PairingProgram program, Region region, Row total, List<Row> children, LocalDate asOf) {

	/** The figures of one region. Unpaired and coverage follow from target and paired. */
	public record Row(String regionCode, String regionName, long target, long paired, long overdue,
			long cadresBelowQuota, long cadresAboveQuota) {

		public long unpaired() {
			return target - paired;
		}

		/** Paired share of the target households ({@link Percent}); none when there is no target. */
		public @Nullable Double coveragePercent() {
			return Percent.of(paired, target);
		}

	}

}
