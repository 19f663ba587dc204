package org.pomegranate.unit.web;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels of the unit pages in the user's language, for exports (templates use the bundles directly). */
@Component
class UnitLabels extends MessageLabels {

	UnitLabels(MessageSource messages) {
		super(messages);
	}

}
