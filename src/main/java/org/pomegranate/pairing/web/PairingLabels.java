package org.pomegranate.pairing.web;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Labels of the module's enums in the user's language, for exports (templates use the bundles
 * directly).
 */
@Component
public class PairingLabels extends MessageLabels {

	PairingLabels(MessageSource messages) {
		super(messages);
	}

}
