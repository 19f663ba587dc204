package org.pomegranate.petition.loop;

/**
 * How a petition reached us. Labels live in the bundles as {@code PetitionSource.NAME}.
 */
public enum PetitionSource {

	/** 入户走访, often raised from a visit of the pairing module. */
	HOME_VISIT,
	/** 来信. */
	LETTER,
	/** 来访. */
	WALK_IN,
	/** 12345热线. */
	HOTLINE,
	/** 网络. */
	ONLINE,
	/** 宣讲会. */
	TALK,
	/** 其他. */
	OTHER

}
