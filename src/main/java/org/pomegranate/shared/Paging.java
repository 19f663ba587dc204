package org.pomegranate.shared;

import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;

/**
 * The page number a list may be asked for: never negative, never so far that the row offset
 * overflows (a crafted {@code page=2147483647}); and whole lists walked a page at a time.
 */
public final class Paging {

	public static final int LAST_PAGE = 10_000;

	private Paging() {
	}

	public static final int EXPORT_PAGE_SIZE = 1000;

	public static int page(int requested) {
		return Math.min(Math.max(requested, 0), LAST_PAGE);
	}

	/** Walks a query page by page, so an export of a whole county never holds it all in memory. */
	public static <T> long forEach(Function<Pageable, ? extends Slice<T>> query, Sort sort, Consumer<T> sink) {
		long count = 0;
		Slice<T> page;
		int number = 0;
		do {
			page = query.apply(PageRequest.of(number++, EXPORT_PAGE_SIZE, sort));
			page.forEach(sink);
			count += page.getNumberOfElements();
		}
		while (page.hasNext());
		return count;
	}

}
