package org.pomegranate.dataimport.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The dry runs waiting for their user to confirm, an hour at most. They hold the user's own ID
 * numbers, so they live in this node's memory only, never in a table or a file (a second node
 * answers "not found" and the user uploads again).
 */
@Component
class DryRuns {

	private final Cache<UUID, DryRun> waiting = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200)
		.build();

	void keep(DryRun dryRun) {
		waiting.put(dryRun.id(), dryRun);
	}

	/** The user's own dry run; another user's, an expired or a confirmed one answer alike: gone. */
	DryRun get(UUID id, String username) {
		return Optional.ofNullable(waiting.getIfPresent(id))
			.filter(dryRun -> dryRun.username().equals(username))
			.orElseThrow(DryRunGoneException::new);
	}

	void forget(UUID id) {
		waiting.invalidate(id);
	}

}
