package org.pomegranate.activity;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.pomegranate.activity.ledger.ActivityKind;

/**
 * The activities of a region and a period: sessions (场次) and participants (参与人次) by kind; every
 * kind is present, with zero where there was none.
 */
public record ActivityCounts(Map<ActivityKind, Long> sessionsByKind, Map<ActivityKind, Long> participantsByKind) {

	public ActivityCounts {
		sessionsByKind = Collections.unmodifiableMap(new EnumMap<>(sessionsByKind));
		participantsByKind = Collections.unmodifiableMap(new EnumMap<>(participantsByKind));
	}

	public static ActivityCounts none() {
		return new Builder().build();
	}

	/** These counts and {@code other}'s together (two regions' activities, say). */
	public ActivityCounts plus(ActivityCounts other) {
		var sum = new Builder();
		for (var kind : ActivityKind.values()) {
			sum.add(kind, sessions(kind) + other.sessions(kind), participants(kind) + other.participants(kind));
		}
		return sum.build();
	}

	public long sessions() {
		return sessionsByKind.values().stream().mapToLong(Long::longValue).sum();
	}

	public long participants() {
		return participantsByKind.values().stream().mapToLong(Long::longValue).sum();
	}

	public long sessions(ActivityKind kind) {
		return sessionsByKind.get(kind);
	}

	public long participants(ActivityKind kind) {
		return participantsByKind.get(kind);
	}

	/** 宣传宣讲场次. */
	public long publicitySessions() {
		return sessions(ActivityKind.PUBLICITY);
	}

	/** 交往交流交融 participants. */
	public long exchangeParticipants() {
		return participants(ActivityKind.EXCHANGE);
	}

	/** Adds counts up as the queries hand them over. */
	static final class Builder {

		private final EnumMap<ActivityKind, Long> sessions = new EnumMap<>(ActivityKind.class);

		private final EnumMap<ActivityKind, Long> participants = new EnumMap<>(ActivityKind.class);

		Builder() {
			for (var kind : ActivityKind.values()) {
				sessions.put(kind, 0L);
				participants.put(kind, 0L);
			}
		}

		void add(ActivityKind kind, long sessionCount, long participantCount) {
			sessions.merge(kind, sessionCount, Long::sum);
			participants.merge(kind, participantCount, Long::sum);
		}

		ActivityCounts build() {
			return new ActivityCounts(sessions, participants);
		}

	}

}
