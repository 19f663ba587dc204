package org.pomegranate.audit;

import java.util.Locale;

import org.pomegranate.audit.log.AuditEvent_;
import org.pomegranate.audit.log.AuditEvent;
import org.pomegranate.audit.log.AuditEventRepository;
import org.pomegranate.audit.log.AuditQuery;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SearchText;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. A change is recorded in the transaction that makes it, so the
 * two commit or roll back together; a refusal or a failed login is recorded in a transaction of
 * its own, because the request that caused it rolls back.
 */
@Service
public class AuditLog {

	private final AuditEventRepository events;

	private final RegionScope scope;

	AuditLog(AuditEventRepository events, RegionScope scope) {
		this.events = events;
		this.scope = scope;
	}

	/** A change made by the signed-in user, committed with the change itself. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void record(AuditAction action, String entityType, Object entityId, String summary) {
		save(action, entityType, String.valueOf(entityId), summary, AuditOutcome.SUCCESS);
	}

	/** A refused request of the signed-in user; kept although the request fails. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordDenied(AuditAction action, @Nullable String entityType, @Nullable String entityId,
			String summary) {
		save(action, entityType, entityId, summary, AuditOutcome.DENIED);
	}

	/**
	 * A login event, where the user is named by the attempt rather than by a session. It joins the
	 * caller's transaction (the login throttle's, which commits whatever the outcome), so a burst
	 * of logins never needs two connections each.
	 */
	@Transactional
	public void recordLogin(AuditAction action, String username, @Nullable String regionCode, AuditOutcome outcome,
			String summary) {
		events.save(new AuditEvent(username, regionCode, action.name(), "UserAccount", null, summary, clientIp(),
				outcome));
	}

	/**
	 * A reach for a record outside the user's region. Called by the web layer once the service
	 * transaction has ended. The record's own region stays out of the summary: the user who tried
	 * may read this log.
	 */
	@Transactional
	public void recordOutOfScope(String entityType, String entityId) {
		save(AuditAction.OUT_OF_SCOPE, entityType, entityId, "不在管辖范围内", AuditOutcome.DENIED);
	}

	/** The audit page: newest first, only events of users inside the reader's subtree. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public Page<AuditEvent> search(AuditQuery query, Pageable pageable) {
		Specification<AuditEvent> where = scope.specification();
		if (query.from() != null) {
			var from = query.from().atStartOfDay(ChinaTime.ZONE).toInstant();
			where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get(AuditEvent_.occurredAt), from));
		}
		if (query.to() != null) {
			var to = query.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
			where = where.and((root, q, cb) -> cb.lessThan(root.get(AuditEvent_.occurredAt), to));
		}
		var searched = SearchText.clean(query.username());
		if (searched != null) {
			var username = searched.toLowerCase(Locale.ROOT);
			where = where.and((root, q, cb) -> cb.equal(cb.lower(root.get(AuditEvent_.username)), username));
		}
		if (query.action() != null) {
			var action = query.action().name();
			where = where.and((root, q, cb) -> cb.equal(root.get(AuditEvent_.action), action));
		}
		if (StringUtils.hasText(query.entityType())) {
			var entityType = query.entityType().trim();
			where = where.and((root, q, cb) -> cb.equal(root.get(AuditEvent_.entityType), entityType));
		}
		return events.findAll(where, pageable);
	}

	private void save(AuditAction action, @Nullable String entityType, @Nullable String entityId, String summary,
			AuditOutcome outcome) {
		var principal = RegionScope.currentPrincipal();
		events.save(new AuditEvent(principal.map(p -> p.getUsername()).orElse(null),
				principal.map(p -> p.regionCode()).orElse(null), action.name(), entityType, entityId, summary,
				clientIp(), outcome));
	}

	private static @Nullable String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

}
