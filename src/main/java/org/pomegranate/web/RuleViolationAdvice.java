package org.pomegranate.web;

import java.util.Locale;

import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.OutOfScopeException;
import org.springframework.context.MessageSource;
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
	 * A record of another region: the same 404 as a missing one, and an audit entry written here,
	 * after the service's transaction has given its connection back.
	 */
	@ExceptionHandler(OutOfScopeException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	ModelAndView outOfScope(OutOfScopeException ex) {
		auditLog.recordOutOfScope(ex.entityType(), ex.entityId());
		return new ModelAndView("error/404");
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
