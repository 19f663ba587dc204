package org.pomegranate.petition.settings;

import org.jspecify.annotations.Nullable;

/**
 * A category row of the settings page as typed; without an id it adds a category.
 */
public record CategoryForm(@Nullable Long id, @Nullable String name, @Nullable String acceptDays,
		@Nullable String closeDays, @Nullable String sortOrder, @Nullable Boolean active, @Nullable Long version) {
}
