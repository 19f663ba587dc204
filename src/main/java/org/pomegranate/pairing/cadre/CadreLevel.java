package org.pomegranate.pairing.cadre;

/**
 * The level of a cadre, as the programs name who takes part. Stored by name; sets of levels are
 * stored as bits ({@code 1 << ordinal}), so never reorder these (see {@link org.pomegranate.shared.EnumBits}).
 */
public enum CadreLevel {

	/** 州级领导 */
	PREFECTURE_LEADER,
	/** 县级领导 */
	COUNTY_LEADER,
	/** 部门负责人 */
	DEPARTMENT_HEAD,
	/** 一般干部 */
	GENERAL,
	/** 育籽员 */
	YUZIYUAN;

	public int bit() {
		return 1 << ordinal();
	}

}
