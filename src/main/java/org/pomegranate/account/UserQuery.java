package org.pomegranate.account;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the user list: part of a name, a role, a region subtree, enabled or not.
 */
record UserQuery(@Nullable String text, @Nullable Role role, @Nullable String regionCode, @Nullable Boolean enabled) {
}
