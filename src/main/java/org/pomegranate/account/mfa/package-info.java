/**
 * The second factor of sign-in: TOTP authenticators (RFC 6238, codes from a phone app), their
 * single-use recovery codes, who must use one (admins; supervisors of regions where an admin asks
 * for it), and the Spring Security parts that make a password-only session of such a user reach
 * nothing but the second step.
 */
@NullMarked
package org.pomegranate.account.mfa;

import org.jspecify.annotations.NullMarked;
