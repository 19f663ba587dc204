package org.pomegranate.assessment.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.metric.LiveMetrics;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.figures.FigureRecords.Counted;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Percent;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lists behind the frozen figures (提交时冻结的名单): when a submission freezes a bound article's
 * figure, which records the figure counted, asked of the owning module's {@link FigureRecords}
 * for the holder's region and the assessment's year with the query the figure was read with
 * ({@link LiveMetrics#query}), kept as ids in {@code assessment_figure_records}; later, a page
 * of those records, masked by the owning module, with the whole and, for a rate, how many count
 * in its part. A reviewer has no scope in the ledgers: the ids are read only at submission, for
 * the holder's region; afterwards who sees the list is {@link AssessmentAccess}'s decision (the
 * holder's people and supervisors above by their scope, a reviewer by a live assignment).
 * Anything else, a node without a metric or a figure not frozen answers as a missing record.
 */
@Service
@Transactional(readOnly = true)
public class FrozenLists {

	/** Rows on a page of a frozen list. */
	public static final int PAGE_SIZE = 50;

	private static final String ENTITY = "figure-records";

	private final List<FigureRecords> owners;

	private final AssessmentAccess access;

	private final JdbcClient jdbc;

	FrozenLists(List<FigureRecords> owners, AssessmentAccess access, JdbcClient jdbc) {
		this.owners = owners;
		this.access = access;
		this.jdbc = jdbc;
	}

	/**
	 * Freezes the records behind the figures of {@code bound} (node id → its metric) of {@code
	 * assessment}, as counted for its holder's region and year on {@code today}; replaces what an
	 * earlier submission froze for those nodes. Each figure key is read once.
	 */
	void freeze(Assessment assessment, Map<Long, LiveMetric> bound, LocalDate today, Instant at) {
		var query = LiveMetrics.query(assessment.getHolderRegionCode(), assessment.getYear(), today);
		var read = new HashMap<String, Counted>();
		for (var entry : bound.entrySet()) {
			var metric = entry.getValue();
			var whole = read.computeIfAbsent(metric.figureKey(), key -> owner(key).counted(key, query));
			var partKey = metric.partKey();
			var part = partKey == null ? whole.part()
					: read.computeIfAbsent(partKey, key -> owner(key).counted(key, query)).ids();
			jdbc.sql("""
					insert into assessment_figure_records (assessment_id, node_id, figure_key, record_ids, part_ids, frozen_at)
					values (:assessment, :node, :key, :ids, :part, :at)
					on conflict (assessment_id, node_id) do update
					set figure_key = excluded.figure_key, record_ids = excluded.record_ids, part_ids = excluded.part_ids,
					    frozen_at = excluded.frozen_at""")
				.param("assessment", assessment.getId())
				.param("node", entry.getKey())
				.param("key", metric.figureKey())
				.param("ids", whole.ids().toArray(Long[]::new))
				.param("part", part == null ? null : part.toArray(Long[]::new))
				.param("at", Timestamp.from(at))
				.update();
		}
	}

	/** The nodes of the assessment whose figure has its list frozen. */
	public Set<Long> frozenNodes(long assessmentId) {
		return new HashSet<>(jdbc.sql("select node_id from assessment_figure_records where assessment_id = ?")
			.param(assessmentId)
			.query(Long.class)
			.list());
	}

	/**
	 * Page {@code page} (from 0; past the last, the last) of the list behind the frozen figure of
	 * node {@code nodeId}, if the signed-in user may see the assessment; otherwise, for a node
	 * without a metric or without a frozen list, the 404 of a missing record.
	 */
	public FrozenList list(long assessmentId, long nodeId, int page) {
		var assessment = access.get(assessmentId);
		var score = access.score(assessment, nodeId);
		var node = access.nodes(assessment)
			.stream()
			.filter(candidate -> candidate.getId() == nodeId)
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(ENTITY, nodeId));
		var metric = node.getMetric();
		var frozen = jdbc.sql("""
				select figure_key, cardinality(record_ids) as total, cardinality(part_ids) as part, part_ids is not null as rate,
				       frozen_at
				from assessment_figure_records where assessment_id = ? and node_id = ?""")
			.param(assessmentId)
			.param(nodeId)
			.query((row, n) -> new Frozen(row.getString("figure_key"), row.getLong("total"), row.getLong("part"),
					row.getBoolean("rate"), row.getTimestamp("frozen_at").toInstant()))
			.optional();
		if (metric == null || frozen.isEmpty() || score.getMetricFrozenAt() == null) {
			throw new RecordNotFoundException(ENTITY, nodeId);
		}
		var list = frozen.get();
		int pages = (int) Math.max(1, (list.total() + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(page, 0), pages - 1);
		var listed = jdbc.sql("""
				select listed.id, listed.id = any(coalesce(f.part_ids, '{}')) as in_part
				from assessment_figure_records f
				cross join lateral unnest(f.record_ids[(:first) : (:last)]) with ordinality as listed(id, position)
				where f.assessment_id = :assessment and f.node_id = :node
				order by listed.position""")
			.param("first", number * PAGE_SIZE + 1)
			.param("last", (number + 1) * PAGE_SIZE)
			.param("assessment", assessmentId)
			.param("node", nodeId)
			.query((row, n) -> new PageId(row.getLong("id"), row.getBoolean("in_part")))
			.list();
		var ids = listed.stream().map(PageId::id).toList();
		var inPart = new HashSet<Long>();
		listed.stream().filter(PageId::inPart).forEach(id -> inPart.add(id.id()));
		var rows = owner(list.figureKey()).rows(list.figureKey(), ids);
		var shown = rows.rows().stream().map(row -> new Listed(row.cells(), inPart.contains(row.id()))).toList();
		return new FrozenList(assessment, node, metric, Objects.requireNonNull(score.getMetricText()), list.frozenAt(),
				list.rate(), list.total(), list.part(), rows.columns(),
				new PageImpl<>(shown, PageRequest.of(number, PAGE_SIZE), list.total()));
	}

	private FigureRecords owner(String key) {
		return owners.stream()
			.filter(owner -> owner.knows(key))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No module names the records behind " + key));
	}

	private record PageId(long id, boolean inPart) {
	}

	private record Frozen(String figureKey, long total, long part, boolean rate, Instant frozenAt) {
	}

	/**
	 * A page of the list behind a frozen figure: {@code total} records (the figure for a count),
	 * for a rate {@code inPart} of them counted in its part (the figure is {@link #rateText}).
	 */
	public record FrozenList(Assessment assessment, IndicatorNode node, LiveMetric metric, String figureText,
			Instant frozenAt, boolean rate, long total, long inPart, List<String> columns, Page<Listed> page) {

		public FrozenList {
			columns = List.copyOf(columns);
		}

		/** The day it was frozen, in China, as documents write it: 2026年11月20日. */
		public String frozenDay() {
			return Period.day(LocalDate.ofInstant(frozenAt, ChinaTime.ZONE));
		}

		/** The rate of the list as a percentage is written (96.5%); for a count its total. */
		public String rateText() {
			if (!rate) {
				return String.valueOf(total);
			}
			var value = Percent.of(inPart, total);
			return value == null ? "—" : String.format("%.1f%%", value);
		}

	}

	/** One record of the list, masked; {@code inPart} whether it counts in a rate's part. */
	public record Listed(List<String> cells, boolean inPart) {

		public Listed {
			cells = List.copyOf(cells);
		}

	}

}
