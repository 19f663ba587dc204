/**
 * Users, their roles and regions, and everything about signing in: the password policy,
 * lockout after failed logins, session limits, and admins managing the users of their subtree.
 */
@NullMarked
package org.pomegranate.account;

import org.jspecify.annotations.NullMarked;
