package org.pomegranate.shared;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * A set of enum values stored as one integer, bit {@code 1 << ordinal} per value: compact, and
 * "has any of these" is one {@code &} in SQL. Enums stored this way must never be reordered.
 */
public final class EnumBits {

	private EnumBits() {
	}

	public static int of(Collection<? extends Enum<?>> values) {
		int bits = 0;
		for (var value : values) {
			bits |= 1 << value.ordinal();
		}
		return bits;
	}

	public static <E extends Enum<E>> Set<E> toSet(Class<E> type, int bits) {
		var values = EnumSet.noneOf(type);
		for (var value : type.getEnumConstants()) {
			if ((bits & (1 << value.ordinal())) != 0) {
				values.add(value);
			}
		}
		return values;
	}

}
