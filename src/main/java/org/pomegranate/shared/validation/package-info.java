/**
 * The constraints of the form records, one per rule a typed field can break (plain text with a
 * maximum, phone, typed date not in the future, whole number in a range, village code), and the
 * set-up that checks them in every {@code @Validated} service: messages from the application's
 * bundles, dates by the application's clock, a refused form answered with
 * {@link org.pomegranate.shared.InvalidInputException}. Blank passes every constraint here but
 * {@link org.pomegranate.shared.validation.Required}, which a required text adds ({@code @NotNull}
 * a required choice).
 */
@NullMarked
package org.pomegranate.shared.validation;

import org.jspecify.annotations.NullMarked;
