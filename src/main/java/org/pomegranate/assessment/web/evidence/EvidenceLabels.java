package org.pomegranate.assessment.web.evidence;

import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/** A refused step of the evidence library as one sentence for the page's alert. */
@Component
class EvidenceLabels extends MessageLabels {

	EvidenceLabels(MessageSource messages) {
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
			return text("evidence.refused.stale");
		}
		throw ex;
	}

}
