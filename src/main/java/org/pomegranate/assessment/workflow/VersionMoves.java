package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceLibrary;
import org.pomegranate.assessment.framework.FrameworkTree;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorFrameworkRepository;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.IndicatorNodeRepository;
import org.pomegranate.assessment.framework.NodeLineage;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 迁移到新版本: a draft assessment moves to a newer published version of its framework only by an
 * explicit mapping of its scored nodes to the new version's, which the user previews first. The
 * default maps each node to the new node copied from it (through every version between) or, failing
 * that, to the node of the same code and level. The preview says for every old node what becomes
 * of its self score, note and evidence (moves, score dropped because the new node does not allow it,
 * or lost because it maps to nothing), which new nodes start empty, and the totals before and after.
 * Applying it with the same mapping changes nothing else: the version it started on is kept.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class VersionMoves {

	private final AssessmentRepository assessments;

	private final AssessmentScoreRepository scores;

	private final AssessmentAccess access;

	private final IndicatorFrameworkRepository frameworks;

	private final IndicatorNodeRepository nodes;

	private final EvidenceLibrary evidence;

	private final NodeLineage lineage;

	VersionMoves(AssessmentRepository assessments, AssessmentScoreRepository scores, AssessmentAccess access,
			IndicatorFrameworkRepository frameworks, IndicatorNodeRepository nodes, EvidenceLibrary evidence, NodeLineage lineage) {
		this.assessments = assessments;
		this.scores = scores;
		this.access = access;
		this.frameworks = frameworks;
		this.nodes = nodes;
		this.evidence = evidence;
		this.lineage = lineage;
	}

	/** What becomes of one old node's answers. */
	public enum Outcome {
		MOVES, SCORE_DROPPED, LOST, EMPTY,
		/** Maps to a new node another old node maps to already: the move is refused until one is changed. */
		CONFLICT;

		/** Whether the user loses what was entered, or may not move at all, this way: to be looked at before moving. */
		public boolean loses() {
			return this == LOST || this == CONFLICT;
		}

		/** Whether the score is cleared while the note and evidence move. */
		public boolean clearsScore() {
			return this == SCORE_DROPPED;
		}

	}

	/** One scored node of the current version, where it goes, what it carries and what becomes of it. */
	public record Row(IndicatorNode from, @Nullable IndicatorNode to, @Nullable BigDecimal score, @Nullable String note,
			int evidence, Outcome outcome) {
	}

	/**
	 * The preview: the rows in the current version's order, the new version's scored nodes (the
	 * choices) and those that start empty, and the self tallies before and after.
	 */
	public record Plan(Assessment assessment, IndicatorFramework from, IndicatorFramework to, List<Row> rows,
			List<IndicatorNode> choices, List<IndicatorNode> startEmpty, Tally before, Tally after) {

		/** The mapping the rows carry, old node id → new node id, for the form that applies it. */
		public Map<Long, Long> mapping() {
			var mapping = new LinkedHashMap<Long, Long>();
			rows.stream().filter(row -> row.to() != null).forEach(row -> mapping.put(row.from().getId(), row.to().getId()));
			return mapping;
		}

		public long count(Outcome outcome) {
			return rows.stream().filter(row -> row.outcome() == outcome).count();
		}

		public long moves() {
			return count(Outcome.MOVES);
		}

		public long dropped() {
			return count(Outcome.SCORE_DROPPED);
		}

		public long lost() {
			return count(Outcome.LOST);
		}

		public long conflicts() {
			return count(Outcome.CONFLICT);
		}

	}

	/** The newer published versions of the assessment's framework, newest first; empty when none or when it may not move. */
	public List<IndicatorFramework> targets(long assessmentId) {
		var assessment = access.get(assessmentId);
		var current = access.framework(assessment);
		if (assessment.refusal(AssessmentAction.MOVE_VERSION, access.actor(assessment), current.approvalLevels()).isPresent()) {
			return List.of();
		}
		return frameworks.findByLineageIdOrderByVersionNumberDesc(current.lineage())
			.stream()
			.filter(IndicatorFramework::isPublished)
			.filter(version -> version.getVersionNumber() > current.getVersionNumber())
			.toList();
	}

	/**
	 * The preview of moving to {@code targetId} by {@code chosen} (old node id → new node id, a
	 * missing key taking the default, a null value mapping to nothing). Refused when the target is
	 * not a newer published version; two old nodes mapped to one new node are {@link Outcome#CONFLICT}.
	 */
	public Plan plan(long assessmentId, long targetId, Map<Long, @Nullable Long> chosen) {
		var assessment = access.get(assessmentId);
		var from = access.framework(assessment);
		var actor = access.actor(assessment);
		assessment.refusal(AssessmentAction.MOVE_VERSION, actor, from.approvalLevels()).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		var to = targets(assessmentId).stream()
			.filter(version -> version.getId() == targetId)
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("assessment.move.target.invalid"));
		var oldNodes = access.nodes(assessment);
		var newNodes = nodes.findByFrameworkIdOrderByPositionAscIdAsc(to.getId());
		var choices = ordered(to, newNodes);
		var byId = new HashMap<Long, IndicatorNode>();
		choices.forEach(node -> byId.put(node.getId(), node));
		var defaults = lineage.correspondence(from, oldNodes, to, newNodes);
		var current = access.scores(assessment).stream().collect(Collectors.toMap(AssessmentScore::getNodeId, score -> score));
		var linked = evidence.linked(assessmentId);
		var rows = new ArrayList<Row>();
		var taken = new HashMap<Long, IndicatorNode>();
		for (var node : ordered(from, oldNodes)) {
			var target = chosen.containsKey(node.getId()) ? chosen.get(node.getId()) : defaults.get(node.getId());
			var next = target == null ? null : byId.get(target);
			if (target != null && next == null) {
				throw new BusinessRuleException("assessment.move.notANode");
			}
			boolean conflict = next != null && taken.putIfAbsent(next.getId(), node) != null;
			var score = current.get(node.getId());
			var value = score == null ? null : score.getSelfScore();
			var note = score == null ? null : score.getSelfNote();
			int pieces = linked.getOrDefault(node.getId(), List.of()).size();
			boolean carries = value != null || note != null || pieces > 0;
			Outcome outcome;
			if (conflict) {
				outcome = Outcome.CONFLICT;
			}
			else if (next == null) {
				outcome = carries ? Outcome.LOST : Outcome.EMPTY;
			}
			else if (value != null && (next.getLevel() != node.getLevel() || !AssessmentDrafts.allows(next, value))) {
				outcome = Outcome.SCORE_DROPPED;
			}
			else {
				outcome = carries ? Outcome.MOVES : Outcome.EMPTY;
			}
			rows.add(new Row(node, next, value, note, pieces, outcome));
		}
		var startEmpty = choices.stream().filter(node -> !taken.containsKey(node.getId())).toList();
		var after = new HashMap<Long, BigDecimal>();
		for (var row : rows) {
			if (row.to() != null && row.outcome() == Outcome.MOVES && row.score() != null) {
				after.put(row.to().getId(), row.score());
			}
		}
		var before = AssessmentSheets.tally(from, oldNodes, access.scores(assessment), AssessmentScore::getSelfScore);
		return new Plan(assessment, from, to, rows, choices, startEmpty, before, Tally.of(to, newNodes, after));
	}

	/**
	 * Applies the previewed mapping: the draft's score rows are replaced by the new version's, each
	 * mapped one carrying the self score (unless dropped), the note and the evidence links.
	 */
	@Transactional
	public void apply(long assessmentId, long targetId, Map<Long, @Nullable Long> chosen, long version) {
		var plan = plan(assessmentId, targetId, chosen);
		var assessment = plan.assessment();
		AssessmentAccess.checkVersion(assessment, version);
		if (plan.count(Outcome.CONFLICT) > 0) {
			throw new BusinessRuleException("assessment.move.duplicate");
		}
		var linked = evidence.linked(assessmentId);
		var old = access.scores(assessment);
		for (var row : plan.rows()) {
			for (var piece : linked.getOrDefault(row.from().getId(), List.of())) {
				evidence.unlink(assessmentId, row.from().getId(), piece.id());
			}
		}
		scores.deleteAll(old);
		scores.flush();
		assessment.moveTo(plan.to().getId(), access.actor(assessment), plan.from().approvalLevels());
		var carried = new HashSet<Long>();
		for (var row : plan.rows()) {
			var next = row.to();
			if (next == null) {
				continue;
			}
			var score = new AssessmentScore(assessmentId, next.getId());
			var value = row.outcome() == Outcome.SCORE_DROPPED ? null : row.score();
			score.scoreSelf(value, row.note(), null);
			scores.save(score);
			carried.add(next.getId());
			for (var piece : linked.getOrDefault(row.from().getId(), List.of())) {
				evidence.link(assessmentId, next.getId(), piece.id(), assessment.getHolderKind(), assessment.getHolderRegionCode(),
						assessment.getUnitId());
			}
		}
		for (var node : plan.choices()) {
			if (!carried.contains(node.getId())) {
				scores.save(new AssessmentScore(assessmentId, node.getId()));
			}
		}
		assessments.saveAndFlush(assessment);
		access.record(assessment, AssessmentAction.MOVE_VERSION, null, "迁移到 " + plan.to().getName() + " 第 "
				+ plan.to().getVersionNumber() + " 版：迁移 " + plan.count(Outcome.MOVES) + " 条，清空得分 "
				+ plan.count(Outcome.SCORE_DROPPED) + " 条，舍弃 " + plan.count(Outcome.LOST) + " 条");
	}

	/** The scored nodes of a version in the order of its tree. */
	private static List<IndicatorNode> ordered(IndicatorFramework framework, List<IndicatorNode> all) {
		var tree = FrameworkTree.of(framework, all);
		var ordered = new ArrayList<IndicatorNode>(tree.articles());
		ordered.addAll(tree.bonus());
		ordered.addAll(tree.penalties());
		ordered.addAll(tree.vetoes());
		return ordered;
	}

}
