package org.pomegranate.petition.settings;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * A category row of the settings page as typed; without an id it adds a category. The page shows
 * one message above the rows, so the limits' messages name their field. The service checks that
 * the name is new and the close limit not below the accept limit. {@code submission} is the add
 * form's one-time token.
 */
public record CategoryForm(@Nullable Long id,
		@Required @PlainText(max = 20, message = "{category.error.name}") @Nullable String name,
		@Required(message = "{category.error.acceptDays}") @WholeNumber(min = 1, max = 60,
				message = "{category.error.acceptDays}") @Nullable String acceptDays,
		@Required(message = "{category.error.closeDays}") @WholeNumber(min = 1, max = 365,
				message = "{category.error.closeDays}") @Nullable String closeDays,
		@Required(message = "{category.error.sortOrder}") @WholeNumber(min = 0, max = 9999,
				message = "{category.error.sortOrder}") @Nullable String sortOrder,
		@Nullable Boolean active, @Nullable Long version, @Nullable UUID submission) {
}
