package org.pomegranate.shared;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one mechanism that keeps every read and write inside the current user's region subtree.
 * Region codes are paths, so "inside" is a prefix test: in SQL {@code region_code like '5133%'}
 * on a {@code text_pattern_ops} index, in Java {@link RegionCode#covers}. Lists and counts add
 * {@link #specification()}; loads by id pass through {@link #check}, which answers 404 for a
 * record outside, exactly as for one that does not exist.
 */
@Component
public class RegionScope {

	/** The code of the signed-in user's region; every code in scope starts with it. */
	public String prefix() {
		return currentPrincipal()
			.orElseThrow(() -> new IllegalStateException("No signed-in user: the region scope is undefined"))
			.regionCode();
	}

	/** The signed-in user's region: every region it covers is in scope. */
	public RegionCode region() {
		return RegionCode.of(prefix());
	}

	public static Optional<ScopedPrincipal> currentPrincipal() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	/** Who acts, for records that keep their author. */
	public String currentUsername() {
		return currentPrincipal().map(ScopedPrincipal::getUsername).orElse("system");
	}

	/** Whether {@code regionCode} is a region code in the user's subtree; anything else is outside. */
	public boolean contains(@Nullable String regionCode) {
		return RegionCode.parse(regionCode).filter(region()::covers).isPresent();
	}

	/**
	 * Returns the record if it lies in scope; otherwise records the attempt and answers 404.
	 */
	public <T extends RegionScoped> T check(Optional<T> record, String entityType, Object id) {
		var found = record.orElseThrow(() -> new RecordNotFoundException(entityType, id));
		checkRegion(found.getRegionCode(), entityType, id);
		return found;
	}

	/** Refuses, with a 404, a region code outside the user's subtree. */
	public void checkRegion(@Nullable String regionCode, String entityType, Object id) {
		if (!contains(regionCode)) {
			throw new OutOfScopeException(entityType, id);
		}
	}

	/** {@code region_code like :prefix%} for the entity attribute {@code regionCode}. */
	public <T> Specification<T> specification() {
		return specification("regionCode");
	}

	public <T> Specification<T> specification(String attribute) {
		String pattern = prefix() + "%";
		return (root, query, builder) -> builder.like(root.get(attribute), pattern);
	}

}
