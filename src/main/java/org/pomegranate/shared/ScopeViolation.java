package org.pomegranate.shared;

import org.jspecify.annotations.Nullable;

/**
 * Published when a user reaches for a record outside their region. The user is shown a 404; the
 * audit log records the attempt.
 */
public record ScopeViolation(String entityType, String entityId, @Nullable String recordRegionCode) {
}
