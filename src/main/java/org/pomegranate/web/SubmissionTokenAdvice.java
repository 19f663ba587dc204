package org.pomegranate.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The token of the create form on a page ({@code fragments/widgets :: submissionToken}): a fresh
 * one for a form being opened, and the one it was submitted with for a form shown again with its
 * problems, so that sending it once more still makes one record.
 */
@ControllerAdvice
class SubmissionTokenAdvice {

	@ModelAttribute("submissionToken")
	UUID submissionToken(@RequestParam(name = "submission", required = false) @Nullable String submitted) {
		if (submitted != null && submitted.length() == 36) {
			try {
				return UUID.fromString(submitted);
			}
			catch (IllegalArgumentException ex) {
				// Not a token we made: the form gets a new one.
			}
		}
		return SubmissionTokens.fresh();
	}

}
