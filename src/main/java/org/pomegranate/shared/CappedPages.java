package org.pomegranate.shared;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.Root;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.stereotype.Component;

/**
 * Pages of the long lists (households, cadres, pairings, visits) with a {@linkplain CappedPage
 * capped total}.
 */
@Component
public class CappedPages {

	private final EntityManager entityManager;

	CappedPages(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * The page of {@code repository}'s {@code type} rows that match {@code where}: the rows of the
	 * page, and their total counted no further than {@link CappedPage#CAP} rows past it (a
	 * "select 1 … offset … limit", which PostgreSQL can answer from an index).
	 * {@code fetch} names the associations the page shows, loaded with it (an entity graph).
	 */
	public <T> Page<T> find(JpaSpecificationExecutor<T> repository, Class<T> type, Specification<T> where,
			Pageable pageable, String... fetch) {
		if (pageable.isUnpaged()) {
			var all = repository.findBy(where, query -> query.project(fetch).sortBy(pageable.getSort()).all());
			return new CappedPage<>(all, pageable, all.size(), false);
		}
		var slice = repository.findBy(where, query -> query.project(fetch).slice(pageable));
		if (!slice.hasNext() && (slice.hasContent() || pageable.getOffset() == 0)) {
			return new CappedPage<>(slice.getContent(), pageable, pageable.getOffset() + slice.getNumberOfElements(), false);
		}
		// Counted from the page on, so that a far page costs no more than the first; past the end
		// (an empty page) from the start.
		long from = slice.hasContent() ? pageable.getOffset() : 0;
		int limit = pageable.getPageSize() + CappedPage.CAP;
		int counted = count(type, where, from, limit + 1);
		return new CappedPage<>(slice.getContent(), pageable, from + Math.min(counted, limit), counted > limit);
	}

	/** How many rows match, from row {@code from} on, counting no further than {@code limit}. */
	private <T> int count(Class<T> type, Specification<T> where, long from, int limit) {
		var builder = entityManager.getCriteriaBuilder();
		var rows = builder.createQuery(Integer.class);
		Root<T> root = rows.from(type);
		var predicate = where.toPredicate(root, rows, builder);
		rows.select(builder.literal(1));
		if (predicate != null) {
			rows.where(predicate);
		}
		return entityManager.createQuery(rows)
			.setFirstResult(Math.toIntExact(from))
			.setMaxResults(limit)
			.getResultList()
			.size();
	}

	/** The rows of one page without any count, for walking a whole list (an export). */
	public <T> Slice<T> slice(JpaSpecificationExecutor<T> repository, Specification<T> where, Pageable pageable,
			String... fetch) {
		return repository.findBy(where, query -> query.project(fetch).slice(pageable));
	}

}
