package org.pomegranate.pairing;

import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Walks a query page by page, so an export of a whole county never holds it all in memory.
 */
final class Pages {

	static final int SIZE = 1000;

	private Pages() {
	}

	static <T> long forEach(Function<Pageable, Page<T>> query, Sort sort, Consumer<T> sink) {
		long count = 0;
		Page<T> page;
		int number = 0;
		do {
			page = query.apply(PageRequest.of(number++, SIZE, sort));
			page.forEach(sink);
			count += page.getNumberOfElements();
		}
		while (page.hasNext());
		return count;
	}

}
