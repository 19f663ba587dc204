package org.pomegranate.unit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What the namings ask of the assessments (implemented by the assessment module, which depends on
 * this one): the confirmed assessments that passed, which an application names as its basis (测评
 * 依据) where the issuer's rule requires one.
 */
public interface NamingAssessments {

	/** A confirmed assessment that passed: its holder (a region, or a unit when {@code unitId} is set), year, framework and adopted total. */
	record Basis(long id, String regionCode, @Nullable Long unitId, String holderName, int year, String framework,
			BigDecimal total) {

		/** Whether it assessed this holder: the region itself, or the unit. */
		public boolean assesses(String holderRegionCode, @Nullable Long holderUnitId) {
			return holderUnitId == null ? unitId == null && regionCode.equals(holderRegionCode) : holderUnitId.equals(unitId);
		}

	}

	/** The confirmed, passed assessments of a region ({@code unitId} null) or a unit, newest first. */
	List<Basis> passed(String regionCode, @Nullable Long unitId);

	/** The assessment if it is confirmed and passed; empty otherwise (or if there is none). */
	Optional<Basis> find(long assessmentId);

}
