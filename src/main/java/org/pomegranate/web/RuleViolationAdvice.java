package org.pomegranate.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last resort for a rule violation that a controller did not turn into a form error: an
 * error page that says which rule, in the user's language. Forms catch these themselves so the
 * user keeps what they typed.
 */
@ControllerAdvice
class RuleViolationAdvice {

	private final AuditLog auditLog;

	private final MessageSource messages;

	RuleViolationAdvice(AuditLog auditLog, MessageSource messages) {
		this.auditLog = auditLog;
		this.messages = messages;
	}

	/**
	 * A record that does not exist or lies in another region: one answer for both, the error page
	 * that {@code /error} renders for every 404 (with the menu, or JSON for a script), so that
	 * nothing in the status, the headers or the body tells them apart (a download begins only with
	 * its first byte, {@code Downloads.body}, so a list refused before that gets this page too). An
	 * attempt on another region is audited here, after the service's transaction has given its
	 * connection back.
	 */
	@ExceptionHandler(RecordNotFoundException.class)
	void notFound(RecordNotFoundException ex, HttpServletResponse response) throws IOException {
		if (ex instanceof OutOfScopeException outOfScope) {
			auditLog.recordOutOfScope(outOfScope.entityType(), outOfScope.entityId());
		}
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	/**
	 * A write the database refused and no service foresaw: the message of the constraint it broke
	 * ({@code error.constraint.<name>}), or a general one; never another constraint's message.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ModelAndView refusedByTheDatabase(DataIntegrityViolationException ex, HttpServletResponse response, Locale locale) {
		var key = IntegrityViolations.constraint(ex)
			.map(constraint -> "error.constraint." + constraint)
			.filter(candidate -> messages.getMessage(candidate, null, null, locale) != null)
			.orElse("error.constraint.unknown");
		response.setStatus(IntegrityViolations.isDuplicate(ex) ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
		var page = new ModelAndView("error/rule");
		page.addObject("messageKey", key);
		page.addObject("messageArguments", new Object[0]);
		return page;
	}

	@ExceptionHandler(BusinessRuleException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ModelAndView ruleViolated(BusinessRuleException ex) {
		var page = new ModelAndView("error/rule");
		page.addObject("messageKey", ex.messageKey());
		page.addObject("messageArguments", ex.arguments());
		return page;
	}

	/** A refused form that no page showed again: its first problem, whose message may be interpolated already. */
	@ExceptionHandler(InvalidInputException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ModelAndView inputRefused(InvalidInputException ex, Locale locale) {
		var page = new ModelAndView("error/rule");
		page.addObject("message", messages.getMessage(ex.firstProblem(), locale));
		return page;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.CONTENT_TOO_LARGE)
	ModelAndView uploadTooBig() {
		var page = new ModelAndView("error/rule");
		page.addObject("messageKey", "error.upload.tooBig");
		page.addObject("messageArguments", new Object[0]);
		return page;
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	ModelAndView staleEdit() {
		var page = new ModelAndView("error/rule");
		page.addObject("messageKey", "error.staleEdit");
		page.addObject("messageArguments", new Object[0]);
		return page;
	}

}
