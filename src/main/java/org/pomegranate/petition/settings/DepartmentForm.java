package org.pomegranate.petition.settings;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * A responsible department as typed by an admin; the service checks the region (which an edit
 * does not change) and that the name is new there. {@code submission} is the add form's one-time token.
 */
public record DepartmentForm(@Required @PlainText(max = 50) @Nullable String name, @Nullable String regionCode,
		@Nullable Boolean active, @Nullable Long version, @Nullable UUID submission) {
}
