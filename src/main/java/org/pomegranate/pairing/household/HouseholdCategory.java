package org.pomegranate.pairing.household;

/**
 * What a household is counted as; a household may be several. Stored as bits
 * ({@code 1 << ordinal}) in {@code household.categories}, so never reorder these (see {@link org.pomegranate.shared.EnumBits}).
 */
public enum HouseholdCategory {

	/** 残疾人家庭 */
	DISABLED,
	/** 脱贫户 */
	LIFTED_FROM_POVERTY,
	/** 监测对象 */
	MONITORED,
	/** 信访重点人员 */
	PETITION_FOCUS,
	/** 少数民族流动人口 */
	MIGRANT_MINORITY,
	/** 困难家庭 */
	HARDSHIP,
	/** 示范家庭 */
	MODEL,
	/** 其他 */
	OTHER;

	public int bit() {
		return 1 << ordinal();
	}

}
