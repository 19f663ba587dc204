package org.pomegranate.unit.naming;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The labels of titles, their levels, states and steps, for exports, audit summaries and refusals. */
@Component
public class NamingLabels extends MessageLabels {

	NamingLabels(MessageSource messages) {
		super(messages);
	}

}
