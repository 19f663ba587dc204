package org.pomegranate.unit.web;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels of the 名录's export: its headings and the titles' levels, holder kinds and states. */
@Component
class DirectoryLabels extends MessageLabels {

	DirectoryLabels(MessageSource messages) {
		super(messages);
	}

}
