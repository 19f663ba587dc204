package org.pomegranate.web;

import org.pomegranate.shared.CappedPage;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links to another page of the current list that keep every filter the user set. Templates call
 * it as {@code ${@pageLinks.to(3)}}.
 */
@Component("pageLinks")
class PageLinks {

	public String to(int page) {
		return to("page", page);
	}

	/** The same for a page that goes by another parameter: one of several lists paged apart on one page. */
	public String to(String parameter, int page) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam(parameter, page)
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

	/** Whether the list has more rows than its page counted (a {@link CappedPage}). */
	public boolean capped(Page<?> page) {
		return page instanceof CappedPage<?> capped && capped.isCapped();
	}

	/** The first page of the current list in another order. */
	public String sorted(String sort) {
		return ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("sort", sort)
			.replaceQueryParam("page")
			.replaceQueryParam("lang")
			.build()
			.toUriString();
	}

}
