/**
 * Households (家庭) with their categories and masked personal data, and the service that registers them.
 */
@NullMarked
package org.pomegranate.pairing.household;

import org.jspecify.annotations.NullMarked;
