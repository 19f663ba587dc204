package org.pomegranate.petition.settings;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;

/**
 * A responsible department as typed by an admin; the service checks the region (which an edit
 * does not change) and that the name is new there.
 */
public record DepartmentForm(@NotBlank @PlainText(max = 50) @Nullable String name, @Nullable String regionCode,
		@Nullable Boolean active, @Nullable Long version) {
}
