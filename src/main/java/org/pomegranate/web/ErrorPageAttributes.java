package org.pomegranate.web;

import java.util.Map;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * What every error page and every JSON error says: the status, its reason (which names the texts
 * {@code error.<reason>.title} and {@code .text}) and that text in the user's language. Neither the
 * time nor the path is echoed, so that two requests refused for the same reason get the same answer
 * (a record of another region and a missing one cannot be told apart) and hostile input never
 * comes back.
 */
@Component
class ErrorPageAttributes extends DefaultErrorAttributes {

	/** A request attribute naming a more precise reason than the status does (see {@link ControlCharacterFilter}). */
	static final String REASON = ErrorPageAttributes.class.getName() + ".reason";

	private final MessageSource messages;

	ErrorPageAttributes(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
		var attributes = super.getErrorAttributes(request, options);
		attributes.remove("timestamp");
		attributes.remove("path");
		var reason = request.getAttribute(REASON, RequestAttributes.SCOPE_REQUEST) instanceof String given ? given
				: reasonOf(attributes.get("status") instanceof Integer status ? status : 500);
		attributes.put("reason", reason);
		attributes.put("message", messages.getMessage("error." + reason + ".text", null, LocaleContextHolder.getLocale()));
		return attributes;
	}

	private static String reasonOf(int status) {
		return switch (status) {
			case 403, 404 -> String.valueOf(status);
			case 413 -> "upload";
			default -> status >= 400 && status < 500 ? "request" : "500";
		};
	}

}
