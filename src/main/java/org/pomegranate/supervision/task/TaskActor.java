package org.pomegranate.supervision.task;

import org.pomegranate.account.Role;

/** Who takes a step: enough for the instance to decide whether they may. */
public record TaskActor(String username, String displayName, Role role, String regionCode) {
}
