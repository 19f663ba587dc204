package org.pomegranate.pairing;

import java.util.function.Consumer;
import java.util.function.Function;

import org.pomegranate.shared.Paging;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Walks a query page by page, so an export of a whole county never holds it all in memory.
 */
final class Pages {

	static final int SIZE = Paging.EXPORT_PAGE_SIZE;

	private Pages() {
	}

	static <T> long forEach(Function<Pageable, Page<T>> query, Sort sort, Consumer<T> sink) {
		return Paging.forEach(query, sort, sink);
	}

}
