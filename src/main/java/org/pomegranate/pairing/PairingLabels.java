package org.pomegranate.pairing;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Labels of the module's enums in the user's language, for exports (templates use the bundles
 * directly).
 */
@Component
class PairingLabels {

	private final MessageSource messages;

	PairingLabels(MessageSource messages) {
		this.messages = messages;
	}

	String of(Enum<?> value) {
		return text(value.getDeclaringClass().getSimpleName() + "." + value.name());
	}

	String of(Collection<? extends Enum<?>> values) {
		return values.stream().map(this::of).collect(Collectors.joining("、"));
	}

	String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

}
