package org.pomegranate.shared;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The five levels, highest first, with the length of their codes in significant-prefix form.
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

	/** The level whose codes have {@code codeLength} digits, if any. */
	public static Optional<RegionLevel> ofCodeLength(int codeLength) {
		for (var level : values()) {
			if (level.codeLength == codeLength) {
				return Optional.of(level);
			}
		}
		return Optional.empty();
	}

	public @Nullable RegionLevel child() {
		return this == VILLAGE ? null : values()[ordinal() + 1];
	}

	public @Nullable RegionLevel parent() {
		return this == PROVINCE ? null : values()[ordinal() - 1];
	}

	/** Whether this level lies higher up the tree than {@code other}: a province is above a county. */
	public boolean isAbove(RegionLevel other) {
		return ordinal() < other.ordinal();
	}

	public boolean isBelow(RegionLevel other) {
		return ordinal() > other.ordinal();
	}

	/** Admins may add, rename and retire only these; the levels above are national facts. */
	public boolean isLocallyManaged() {
		return this == TOWNSHIP || this == VILLAGE;
	}

}
