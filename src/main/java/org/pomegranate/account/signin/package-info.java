/**
 * Signing in: the security configuration, password policy, lockout after failed logins, session limits and the first admin.
 */
@NullMarked
package org.pomegranate.account.signin;

import org.jspecify.annotations.NullMarked;
