package org.pomegranate.shared;

/**
 * The page number a list may be asked for: never negative, never so far that the row offset
 * overflows (a crafted {@code page=2147483647}).
 */
public final class Paging {

	public static final int LAST_PAGE = 10_000;

	private Paging() {
	}

	public static int page(int requested) {
		return Math.min(Math.max(requested, 0), LAST_PAGE);
	}

}
