package org.pomegranate.shared;

import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A form whose choices, hidden fields or version could not even be read: nothing a person types
 * into our forms does that (typed numbers and dates arrive as text and are checked by the
 * services), so it answers 400 rather than a form with field messages.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class TamperedFormException extends RuntimeException {

	private TamperedFormException(String message) {
		super(message);
	}

	public static void refuseUnreadable(BindingResult result) {
		if (result.hasErrors()) {
			throw new TamperedFormException("Unreadable form fields: " + result.getFieldErrors()
				.stream()
				.map(error -> error.getField())
				.toList());
		}
	}

}
