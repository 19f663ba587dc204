package org.pomegranate.shared;

/**
 * Published when a user reaches for a record outside their region. The user is shown a 404; the
 * audit log records the attempt.
 */
public record ScopeViolation(String entityType, String entityId) {
}
