package org.pomegranate.pairing;

import org.pomegranate.pairing.cadre.CadreQuery;

/**
 * The cadre list's filters as a test sets them, naming each:
 * {@code aCadreQuery().in(COUNTY).inProgram(id).withQuota(Quota.BELOW).build()}. Unset: no filter.
 */
final class CadreQueries {

	private String regionCode;

	private Long programId;

	private CadreQuery.Quota quota;

	private CadreQueries() {
	}

	static CadreQueries aCadreQuery() {
		return new CadreQueries();
	}

	CadreQueries in(String regionCode) {
		this.regionCode = regionCode;
		return this;
	}

	CadreQueries inProgram(long programId) {
		this.programId = programId;
		return this;
	}

	/** Below the program's minimum or above its maximum of households. */
	CadreQueries withQuota(CadreQuery.Quota quota) {
		this.quota = quota;
		return this;
	}

	CadreQuery build() {
		return new CadreQuery(null, regionCode, null, null, programId, quota);
	}

}
