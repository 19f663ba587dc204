package org.pomegranate.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the current list that keep every filter the user set. Templates call
 * it as {@code ${@pageLinks.to(3)}}.
 */
@Component("pageLinks")
class PageLinks {

	public String to(int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("page", page)
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

}
