package org.pomegranate.audit.web;

import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.audit.log.AuditQuery;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.Paging;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page for admins: filtered by time, user, action and entity, newest first.
 */
@Controller
class AuditController {

	private static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/admin/audit")
	String list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "") String username, @RequestParam(required = false) @Nullable AuditAction action,
			@RequestParam(defaultValue = "") String entityType, @RequestParam(defaultValue = "0") int page,
			Model model) {
		var query = new AuditQuery(from, to, username, action, entityType);
		model.addAttribute("query", query);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("events",
				auditLog.search(query, PageRequest.of(Paging.page(page), PAGE_SIZE, Sort.by(Sort.Direction.DESC, "occurredAt", "id"))));
		return "audit/list";
	}

}
