package org.pomegranate.shared;

import org.jspecify.annotations.Nullable;

/**
 * The five levels, with the length of their codes in significant-prefix form.
 */
public enum RegionLevel {

	PROVINCE(2), PREFECTURE(4), COUNTY(6), TOWNSHIP(9), VILLAGE(12);

	private final int codeLength;

	RegionLevel(int codeLength) {
		this.codeLength = codeLength;
	}

	public int codeLength() {
		return codeLength;
	}

	public @Nullable RegionLevel child() {
		return this == VILLAGE ? null : values()[ordinal() + 1];
	}

	/** Admins may add, rename and retire only these; the levels above are national facts. */
	public boolean isLocallyManaged() {
		return this == TOWNSHIP || this == VILLAGE;
	}

}
