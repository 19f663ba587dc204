package org.pomegranate.assessment.web.holder;

import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** A refused step of an assessment as one sentence for the page's alert. */
@Component
class AssessmentLabels extends MessageLabels {

	AssessmentLabels(MessageSource messages) {
		super(messages);
	}

	String refusal(RuntimeException ex) {
		if (ex instanceof InvalidInputException invalid) {
			return text(invalid.firstProblem());
		}
		if (ex instanceof BusinessRuleException rule) {
			return text(rule.messageKey(), rule.arguments());
		}
		if (ex instanceof OptimisticLockingFailureException) {
			return text("assessment.refused.stale");
		}
		throw ex;
	}

}
