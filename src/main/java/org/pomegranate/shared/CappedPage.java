package org.pomegranate.shared;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page of a long list whose total is counted only so far: a province's visits are millions of
 * rows, and counting all of them for every page costs more than the page itself. The exact
 * figures are on the coverage and figures pages, counted from tallies. Up to
 * {@link #CAP} rows past the page the total is exact; beyond, the list says "more than" and
 * {@link #isCapped()} is true.
 * {@link CappedPages} makes them.
 */
public final class CappedPage<T> extends PageImpl<T> {

	/** How many rows past the current page are counted at most. */
	public static final int CAP = 1_000;

	private final boolean capped;

	CappedPage(List<T> content, Pageable pageable, long total, boolean capped) {
		super(content, pageable, total);
		this.capped = capped;
	}

	/** True when there are more rows than {@link #getTotalElements()}. */
	public boolean isCapped() {
		return capped;
	}

}
