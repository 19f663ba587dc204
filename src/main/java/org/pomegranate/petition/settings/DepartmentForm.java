package org.pomegranate.petition.settings;

import org.jspecify.annotations.Nullable;

/**
 * A responsible department as typed by an admin.
 */
public record DepartmentForm(@Nullable String name, @Nullable String regionCode, @Nullable Boolean active,
		@Nullable Long version) {
}
