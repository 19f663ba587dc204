package org.pomegranate.assessment.evidence;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.HolderKind;

/**
 * A holder as a form names it in one field: {@code R:513301} for a region, {@code U:42} for a
 * unit, so that one select offers both.
 */
final class Holders {

	private Holders() {
	}

	static String key(Evidence piece) {
		return key(piece.getHolderKind(), piece.getHolderRegionCode(), piece.getUnitId());
	}

	static String key(HolderKind kind, String regionCode, @Nullable Long unitId) {
		return kind == HolderKind.UNIT ? "U:" + unitId : "R:" + regionCode;
	}

}
