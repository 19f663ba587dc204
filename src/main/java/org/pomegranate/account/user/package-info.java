/**
 * User accounts as stored: role, region, password hash, enabled, must-change-password.
 */
@NullMarked
package org.pomegranate.account.user;

import org.jspecify.annotations.NullMarked;
