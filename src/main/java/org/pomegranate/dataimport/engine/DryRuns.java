package org.pomegranate.dataimport.engine;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The dry run each user has waiting to be confirmed, one per user (a new upload replaces it), an
 * hour at most. They hold the user's own ID
 * numbers, so they live in this node's memory only, never in a table or a file (a second node
 * answers "not found" and the user uploads again).
 */
@Component
class DryRuns {

	private final Cache<String, DryRun> waiting = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(1))
		.maximumSize(200)
		.build();

	void keep(DryRun dryRun) {
		waiting.put(dryRun.username(), dryRun);
	}

	/** The user's dry run; none (confirmed, expired, or never made) is "gone". */
	DryRun get(String username) {
		return Optional.ofNullable(waiting.getIfPresent(username)).orElseThrow(DryRunGoneException::new);
	}

	/** Takes the user's dry run away if it is {@code id}, so that a second click finds it gone. */
	DryRun take(String username, UUID id) {
		var dryRun = get(username);
		if (!dryRun.id().equals(id) || !waiting.asMap().remove(username, dryRun)) {
			throw new DryRunGoneException();
		}
		return dryRun;
	}

}
