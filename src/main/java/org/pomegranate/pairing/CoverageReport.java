package org.pomegranate.pairing;

import org.pomegranate.pairing.program.PairingProgram;
import java.util.List;

import org.pomegranate.region.Region;

/**
 * The coverage of one program in one region: the region's own totals and a row per region below.
 */
public record CoverageReport(PairingProgram program, Region region, Row total, List<Row> children) {

	/** The figures of one region. Unpaired and coverage follow from target and paired. */
	public record Row(String regionCode, String regionName, long target, long paired, long overdue,
			long cadresBelowQuota, long cadresAboveQuota) {

		public long unpaired() {
			return target - paired;
		}

		/** Paired share of the target households, in percent with one decimal; 100 when there is no target. */
		public double coveragePercent() {
			return target == 0 ? 100.0 : Math.floor(paired * 1000.0 / target) / 10.0;
		}

	}

}
