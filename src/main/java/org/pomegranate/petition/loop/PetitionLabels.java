package org.pomegranate.petition.loop;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Labels of the module's enums in the user's language, for exports and audit summaries.
 */
@Component
public class PetitionLabels extends MessageLabels {

	PetitionLabels(MessageSource messages) {
		super(messages);
	}

}
