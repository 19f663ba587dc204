package org.pomegranate.pairing;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Visits counted by kind; kinds without a visit count zero. */
public record VisitCounts(Map<VisitKind, Long> byKind) {

	public static final VisitCounts NONE = new VisitCounts(new EnumMap<>(VisitKind.class));

	public VisitCounts {
		var copy = new EnumMap<VisitKind, Long>(VisitKind.class);
		for (var kind : VisitKind.values()) {
			copy.put(kind, byKind.getOrDefault(kind, 0L));
		}
		byKind = Collections.unmodifiableMap(copy);
	}

	public long total() {
		return byKind.values().stream().mapToLong(Long::longValue).sum();
	}

	public long of(VisitKind kind) {
		return byKind.get(kind);
	}

}
