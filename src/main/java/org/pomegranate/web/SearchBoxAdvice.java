package org.pomegranate.web;

import org.pomegranate.shared.SearchText;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The rule every search box carries as its {@code pattern}, so that a browser refuses to send a
 * full phone or ID number in a list's URL ({@link SearchText}); a controller whose list may also
 * be searched by its own longer numbers gives its pages a pattern of their own
 * ({@link SearchText#patternAllowing}).
 */
@ControllerAdvice
class SearchBoxAdvice {

	@ModelAttribute("searchPattern")
	String searchPattern() {
		return SearchText.PATTERN;
	}

}
