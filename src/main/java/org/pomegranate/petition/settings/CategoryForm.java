package org.pomegranate.petition.settings;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * A category row of the settings page as typed; without an id it adds a category. The page shows
 * one message above the rows, so the limits' messages name their field. The service checks that
 * the name is new and the close limit not below the accept limit.
 */
public record CategoryForm(@Nullable Long id,
		@NotBlank @PlainText(max = 20, message = "{category.error.name}") @Nullable String name,
		@NotBlank(message = "{category.error.acceptDays}") @WholeNumber(min = 1, max = 60,
				message = "{category.error.acceptDays}") @Nullable String acceptDays,
		@NotBlank(message = "{category.error.closeDays}") @WholeNumber(min = 1, max = 365,
				message = "{category.error.closeDays}") @Nullable String closeDays,
		@NotBlank(message = "{category.error.sortOrder}") @WholeNumber(min = 0, max = 9999,
				message = "{category.error.sortOrder}") @Nullable String sortOrder,
		@Nullable Boolean active, @Nullable Long version) {
}
