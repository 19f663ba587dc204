package org.pomegranate.audit.log;

import org.pomegranate.audit.AuditAction;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The filters of the audit page; dates are whole days in Asia/Shanghai.
 */
public record AuditQuery(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String username,
		@Nullable AuditAction action, @Nullable String entityType) {
}
