package org.pomegranate.web;

import org.pomegranate.shared.BusinessRuleException;
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

	@ExceptionHandler(BusinessRuleException.class)
	@ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
	ModelAndView ruleViolated(BusinessRuleException ex) {
		var page = new ModelAndView("error/rule");
		page.addObject("messageKey", ex.messageKey());
		page.addObject("messageArguments", ex.arguments());
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
