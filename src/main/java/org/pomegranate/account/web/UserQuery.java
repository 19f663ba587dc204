package org.pomegranate.account.web;

import org.pomegranate.account.Role;
import org.jspecify.annotations.Nullable;

/**
 * The filters of the user list: part of a name, a role, a region subtree, enabled or not.
 */
public record UserQuery(@Nullable String text, @Nullable Role role, @Nullable String regionCode, @Nullable Boolean enabled) {
}
