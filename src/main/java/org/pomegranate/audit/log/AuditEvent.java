package org.pomegranate.audit.log;

import org.pomegranate.audit.AuditOutcome;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit log. Immutable here and in the database.
 */
@Entity
@Immutable
@Table(name = "audit_event")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private @Nullable String username;

	private @Nullable String regionCode;

	private String action;

	private @Nullable String entityType;

	private @Nullable String entityId;

	private @Nullable String summary;

	private @Nullable String clientIp;

	@Enumerated(EnumType.STRING)
	private AuditOutcome outcome;

	public AuditEvent(@Nullable String username, @Nullable String regionCode, String action, @Nullable String entityType,
			@Nullable String entityId, @Nullable String summary, @Nullable String clientIp, AuditOutcome outcome) {
		this.occurredAt = Instant.now();
		this.username = username;
		this.regionCode = regionCode;
		this.action = action;
		this.entityType = entityType;
		this.entityId = entityId;
		this.summary = summary == null ? null : abbreviate(summary, 500);
		this.clientIp = clientIp;
		this.outcome = outcome;
	}

	private static String abbreviate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
