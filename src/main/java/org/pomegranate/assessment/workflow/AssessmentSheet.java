package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceView;
import org.pomegranate.assessment.evidence.SnapshotFile;
import org.pomegranate.assessment.framework.FrameworkTree;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.framework.Tally;

/**
 * One assessment as its pages and documents read it: the version's tree, a row per scored node
 * (its scores, its evidence linked now and as the last submission froze it, its live figure),
 * the three tallies (self, evaluator, adopted: the adopted score, or the evaluator's where none was
 * adopted) and what the signed-in user may do now.
 */
public record AssessmentSheet(Assessment assessment, IndicatorFramework framework, FrameworkTree tree, Map<Long, Row> rows,
		Tally self, Tally evaluator, Tally adopted, Permissions may, List<AssessmentEvent> history) {

	public AssessmentSheet {
		rows = Map.copyOf(rows);
		history = List.copyOf(history);
	}

	/** The row of a scored node. */
	public Row row(IndicatorNode node) {
		var row = rows.get(node.getId());
		if (row == null) {
			throw new IllegalArgumentException("Not a scored node of this assessment: " + node.getCode());
		}
		return row;
	}

	/** Every scored node's row in the order of the tree: the articles category by category, then the 奖惩清单. */
	public List<Row> ordered() {
		var ordered = new ArrayList<Row>();
		tree.articles().forEach(article -> ordered.add(row(article)));
		for (var list : List.of(tree.bonus(), tree.penalties(), tree.vetoes())) {
			list.forEach(node -> ordered.add(row(node)));
		}
		return ordered;
	}

	/** How many scored nodes have a self score, of all. */
	public long selfScored() {
		return rows.values().stream().filter(row -> row.score().getSelfScore() != null).count();
	}

	/** How many scored nodes have the evaluator's score, of all. */
	public long evaluated() {
		return rows.values().stream().filter(row -> row.score().getEvaluatorScore() != null).count();
	}

	/**
	 * One scored node: {@code evidence} linked now, {@code submitted} the files the last submission
	 * froze; {@code editable} whether the user may change its self score and evidence now.
	 */
	public record Row(IndicatorNode node, AssessmentScore score, List<EvidenceView> evidence, List<SnapshotFile> submitted,
			@Nullable Figure figure, boolean editable) {

		public Row {
			evidence = List.copyOf(evidence);
			submitted = List.copyOf(submitted);
		}

	}

	/**
	 * The live figure of a bound article: read now while its score may change, as frozen by the
	 * last submission otherwise; the score it proposes; {@code listUrl} the live list behind it (the
	 * holder's side), {@code frozenListUrl} the list of records frozen with it (for whoever sees the
	 * frozen figure).
	 */
	public record Figure(LiveMetric metric, @Nullable Double value, String text, @Nullable BigDecimal proposed,
			@Nullable BigDecimal target, @Nullable Instant frozenAt, @Nullable String definition,
			@Nullable String listUrl, @Nullable String frozenListUrl) {

		public boolean frozen() {
			return frozenAt != null;
		}

	}

	/** The buttons of the holder's page. */
	public record Permissions(boolean edit, boolean submit, boolean withdraw, boolean resubmit, boolean moveVersion) {
	}

}
