package org.pomegranate.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A region code in significant-prefix form (2 digits a province, 4 a prefecture, 6 a county, 9 a
 * township, 12 a village), so that a code is its own path: {@code 513301001} lies under
 * {@code 513301} under {@code 5133} under {@code 51}. The one place that knows how codes nest;
 * entities and queries keep the plain string and convert at the edge.
 */
public final class RegionCode implements Comparable<RegionCode> {

	private final String code;

	private final RegionLevel level;

	private RegionCode(String code, RegionLevel level) {
		this.code = code;
		this.level = level;
	}

	/** The code, which must be 2, 4, 6, 9 or 12 ASCII digits. */
	public static RegionCode of(String code) {
		return parse(code).orElseThrow(() -> new IllegalArgumentException("Not a region code: " + code));
	}

	/** The code if {@code text} is one, for what a user typed or a URL carried. */
	public static Optional<RegionCode> parse(@Nullable String text) {
		if (text == null || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
			return Optional.empty();
		}
		return RegionLevel.ofCodeLength(text.length()).map(level -> new RegionCode(text, level));
	}

	public RegionLevel level() {
		return level;
	}

	/** The region directly above; empty for a province. */
	public Optional<RegionCode> parent() {
		var above = level.parent();
		return above == null ? Optional.empty() : Optional.of(truncated(above));
	}

	/** The regions above, the province first; the code itself is not among them. */
	public List<RegionCode> ancestors() {
		var codes = new ArrayList<RegionCode>();
		for (var above = level.parent(); above != null; above = above.parent()) {
			codes.add(0, truncated(above));
		}
		return codes;
	}

	/** The ancestors and the code itself, the province first. */
	public List<RegionCode> path() {
		var codes = ancestors();
		codes.add(this);
		return codes;
	}

	/** The region at {@code level} on this code's path: itself at its own level, empty below it. */
	public Optional<RegionCode> at(RegionLevel level) {
		return level.isBelow(this.level) ? Optional.empty() : Optional.of(truncated(level));
	}

	/** The county (6 digits) of a county, township or village; empty for a province or prefecture. */
	public Optional<RegionCode> county() {
		return at(RegionLevel.COUNTY);
	}

	/** Whether {@code other} is this region or lies below it: the region-scope test. */
	public boolean covers(RegionCode other) {
		return other.code.startsWith(code);
	}

	/** The lowest region that covers both this and {@code other}; empty when they lie in different provinces. */
	public Optional<RegionCode> lowestCommonRegion(RegionCode other) {
		var path = path();
		for (int i = path.size() - 1; i >= 0; i--) {
			if (path.get(i).covers(other)) {
				return Optional.of(path.get(i));
			}
		}
		return Optional.empty();
	}

	public boolean isAbove(RegionLevel level) {
		return this.level.isAbove(level);
	}

	public boolean isBelow(RegionLevel level) {
		return this.level.isBelow(level);
	}

	/**
	 * A province or a prefecture. The one rule by which figures choose their source: above a
	 * county they sum the per-county tallies, at a county and below they count the rows.
	 */
	public boolean isAboveCounty() {
		return isAbove(RegionLevel.COUNTY);
	}

	/** Its number among its parent's children: the digits after the parent's ({@code 12} for {@code 513301012}). */
	public int number() {
		var above = level.parent();
		return Integer.parseInt(code.substring(above == null ? 0 : above.codeLength()));
	}

	/** The code of the child numbered {@code number}; empty for a village or a number too big for the digits. */
	public Optional<RegionCode> child(int number) {
		var below = level.child();
		if (below == null || number < 1) {
			return Optional.empty();
		}
		int width = below.codeLength() - code.length();
		var digits = String.valueOf(number);
		if (digits.length() > width) {
			return Optional.empty();
		}
		return Optional.of(new RegionCode(code + "0".repeat(width - digits.length()) + digits, below));
	}

	private RegionCode truncated(RegionLevel level) {
		return level == this.level ? this : new RegionCode(code.substring(0, level.codeLength()), level);
	}

	@Override
	public int compareTo(RegionCode other) {
		return code.compareTo(other.code);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof RegionCode that && code.equals(that.code);
	}

	@Override
	public int hashCode() {
		return code.hashCode();
	}

	/** The code itself, as stored and as queries compare it. */
	@Override
	public String toString() {
		return code;
	}

}
