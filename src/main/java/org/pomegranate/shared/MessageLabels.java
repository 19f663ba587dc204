package org.pomegranate.shared;

import java.util.Collection;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Labels of a module's enums and headings in the user's language, for exports (templates use the
 * bundles directly). An enum value's label is {@code SimpleName.VALUE}.
 */
public class MessageLabels {

	private final MessageSource messages;

	protected MessageLabels(MessageSource messages) {
		this.messages = messages;
	}

	public String of(Enum<?> value) {
		return text(value.getDeclaringClass().getSimpleName() + "." + value.name());
	}

	public String of(Collection<? extends Enum<?>> values) {
		return values.stream().map(this::of).collect(Collectors.joining("、"));
	}

	public String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	/** A message with its arguments, or already interpolated, such as a refused form's problem. */
	public String text(MessageSourceResolvable message) {
		return messages.getMessage(message, LocaleContextHolder.getLocale());
	}

}
