package org.pomegranate.assessment.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceLibrary;
import org.pomegranate.assessment.evidence.EvidenceSnapshots;
import org.pomegranate.assessment.evidence.SnapshotFile;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.framework.FrameworkTree;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.framework.Tally;
import org.pomegranate.assessment.metric.LiveMetrics;
import org.pomegranate.assessment.metric.MetricReading;
import org.pomegranate.assessment.workflow.AssessmentSheet.Figure;
import org.pomegranate.assessment.workflow.AssessmentSheet.Permissions;
import org.pomegranate.assessment.workflow.AssessmentSheet.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Reads one assessment whole ({@link AssessmentSheet}) for whoever may see it: the holder's
 * people and the supervisors and admins above them by region, a reviewer by a live assignment
 * ({@link AssessmentAccess#get}); anyone else gets the 404 of a missing one. Live figures are read
 * once per sheet, and only while some bound article may still change.
 */
@Service
@Transactional(readOnly = true)
public class AssessmentSheets {

	private final AssessmentAccess access;

	private final AssessmentEventRepository events;

	private final EvidenceLibrary evidence;

	private final EvidenceSnapshots snapshots;

	private final LiveMetrics liveMetrics;

	private final FrozenLists frozenLists;

	AssessmentSheets(AssessmentAccess access, AssessmentEventRepository events, EvidenceLibrary evidence,
			EvidenceSnapshots snapshots, LiveMetrics liveMetrics, FrozenLists frozenLists) {
		this.access = access;
		this.events = events;
		this.evidence = evidence;
		this.snapshots = snapshots;
		this.liveMetrics = liveMetrics;
		this.frozenLists = frozenLists;
	}

	public AssessmentSheet sheet(long assessmentId) {
		var assessment = access.get(assessmentId);
		var framework = access.framework(assessment);
		var nodes = access.nodes(assessment);
		var tree = FrameworkTree.of(framework, nodes);
		var actor = access.actor(assessment);
		var levels = framework.approvalLevels();
		var linked = evidence.linked(assessmentId);
		var submitted = new HashMap<Long, List<SnapshotFile>>();
		for (var file : snapshots.latest(assessmentId)) {
			submitted.computeIfAbsent(file.nodeId(), node -> new java.util.ArrayList<>()).add(file);
		}
		var byNode = new HashMap<Long, IndicatorNode>();
		nodes.forEach(node -> byNode.put(node.getId(), node));
		var scores = access.scores(assessment);
		var editable = new HashMap<Long, Boolean>();
		for (var score : scores) {
			editable.put(score.getNodeId(), assessment.articleRefusal(AssessmentAction.EDIT, actor, score, levels).isEmpty());
		}
		// A reviewer judges the figures as they were submitted, and has no scope to read the ledgers.
		boolean reviewer = actor.role() == Role.REVIEWER;
		boolean readLive = !reviewer && scores.stream()
			.anyMatch(score -> byNode.get(score.getNodeId()).getMetric() != null
					&& (editable.get(score.getNodeId()) || score.getMetricFrozenAt() == null));
		Map<LiveMetric, MetricReading> live = readLive
				? liveMetrics.read(assessment.getHolderRegionCode(), assessment.getYear(), access.today()) : Map.of();
		// The list frozen with a figure, from the reviewer's own page or the holder's.
		var frozenLists = this.frozenLists.frozenNodes(assessmentId);
		var listsPath = (reviewer ? "/reviews/" : "/assessments/") + assessmentId + "/nodes/";
		var rows = new LinkedHashMap<Long, Row>();
		for (var score : scores) {
			var node = byNode.get(score.getNodeId());
			var frozenList = frozenLists.contains(node.getId()) ? listsPath + node.getId() + "/records" : null;
			rows.put(node.getId(), new Row(node, score, linked.getOrDefault(node.getId(), List.of()),
					submitted.getOrDefault(node.getId(), List.of()), figure(assessment, node, score,
							editable.get(node.getId()), live, !reviewer, frozenList),
					editable.get(node.getId())));
		}
		var may = new Permissions(allowed(assessment, AssessmentAction.EDIT, actor, levels),
				allowed(assessment, AssessmentAction.SUBMIT, actor, levels),
				allowed(assessment, AssessmentAction.WITHDRAW, actor, levels),
				allowed(assessment, AssessmentAction.RESUBMIT, actor, levels),
				allowed(assessment, AssessmentAction.MOVE_VERSION, actor, levels));
		return new AssessmentSheet(assessment, framework, tree, rows, tally(framework, nodes, scores, AssessmentScore::getSelfScore),
				tally(framework, nodes, scores, AssessmentScore::getEvaluatorScore),
				tally(framework, nodes, scores, AssessmentSheets::adoptedOrEvaluator), may,
				events.findByAssessmentIdOrderByAtAscIdAsc(assessmentId));
	}

	private static boolean allowed(Assessment assessment, AssessmentAction action, Actor actor,
			List<org.pomegranate.shared.RegionLevel> levels) {
		return assessment.refusal(action, actor, levels).isEmpty();
	}

	/**
	 * The figure as frozen where its score no longer changes (with {@code frozenList}, the path of
	 * the list frozen with it, if any), as read now otherwise.
	 */
	private static @Nullable Figure figure(Assessment assessment, IndicatorNode node, AssessmentScore score,
			boolean editable, Map<LiveMetric, MetricReading> live, boolean linked, @Nullable String frozenList) {
		var metric = node.getMetric();
		if (metric == null) {
			return null;
		}
		var url = linked ? listUrl(metric, assessment.getHolderRegionCode(), assessment.getYear()) : null;
		if (!editable && score.getMetricFrozenAt() != null) {
			return new Figure(metric, score.getMetricValue(), Objects.requireNonNull(score.getMetricText()),
					score.getMetricProposed(), node.getTarget(), score.getMetricFrozenAt(), score.getMetricDefinition(), url,
					frozenList);
		}
		var reading = live.get(metric);
		var value = reading == null ? null : reading.value();
		var proposed = Objects.requireNonNull(node.scoring()).propose(value).orElse(null);
		return new Figure(metric, value, reading == null ? "—" : reading.text(), proposed, node.getTarget(), null, null, url,
				null);
	}

	/** The list behind a live figure, for the holder's region and the assessment's year. */
	static String listUrl(LiveMetric metric, String regionCode, int year) {
		return switch (metric) {
			case PAIRING_COVERAGE, OVERDUE_VISITS -> UriComponentsBuilder.fromPath("/coverage")
				.queryParam("region", regionCode)
				.toUriString();
			case RESOLUTION_RATE, SATISFACTION, BACKLOG_CLOSED -> UriComponentsBuilder.fromPath("/petitions/figures")
				.queryParam("region", regionCode)
				.queryParam("from", LocalDate.of(year, 1, 1))
				.queryParam("to", LocalDate.of(year, 12, 31))
				.toUriString();
			case WALL_POSTED -> UriComponentsBuilder.fromPath("/units")
				.queryParam("regionCode", regionCode)
				.queryParam("wallPosted", true)
				.toUriString();
			case PUBLICITY_SESSIONS -> UriComponentsBuilder.fromPath("/activities")
				.queryParam("regionCode", regionCode)
				.queryParam("kind", "PUBLICITY")
				.queryParam("from", LocalDate.of(year, 1, 1))
				.queryParam("to", LocalDate.of(year, 12, 31))
				.toUriString();
			// The task figures' lists count the signed-in user's own subtree: the holder's, for its people.
			case TASK_COMPLETION -> "/tasks/instances?figure=due&year=" + year;
			case OVERDUE_TASKS -> "/tasks/instances?figure=overdue&year=" + year;
			case OVERDUE_RECTIFICATIONS -> UriComponentsBuilder.fromPath("/rectifications")
				.queryParam("region", regionCode)
				.queryParam("overdue", true)
				.toUriString();
		};
	}

	static Tally tally(IndicatorFramework framework, List<IndicatorNode> nodes, List<AssessmentScore> scores,
			Function<AssessmentScore, @Nullable BigDecimal> which) {
		var values = new HashMap<Long, BigDecimal>();
		for (var score : scores) {
			var value = which.apply(score);
			if (value != null) {
				values.put(score.getNodeId(), value);
			}
		}
		return Tally.of(framework, nodes, values);
	}

	static @Nullable BigDecimal adoptedOrEvaluator(AssessmentScore score) {
		return score.getAdoptedScore() != null ? score.getAdoptedScore() : score.getEvaluatorScore();
	}

}
