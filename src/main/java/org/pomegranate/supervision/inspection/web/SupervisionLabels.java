package org.pomegranate.supervision.inspection.web;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The supervision pages' labels in the reader's language, for exports. */
@Component
class SupervisionLabels extends MessageLabels {

	SupervisionLabels(MessageSource messages) {
		super(messages);
	}

}
