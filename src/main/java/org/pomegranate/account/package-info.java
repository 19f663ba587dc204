/**
 * Users, their roles and regions, and everything about signing in: the password policy,
 * lockout after failed logins, session limits, and admins managing the users of their subtree.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "region", "shared" })
package org.pomegranate.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
