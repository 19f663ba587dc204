package org.pomegranate.assessment.framework;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which scored node of one framework version answers to which of another: the node copied from it
 * through every version between ({@code originId}, followed across versions of one lineage, in
 * either direction), else the node of the same code and level. The default of a version move and
 * the year-over-year comparison of a holder whose years were scored on different versions read
 * the same correspondence, so that a move's preview and the comparison never disagree.
 */
@Service
@Transactional(readOnly = true)
public class NodeLineage {

	private final IndicatorFrameworkRepository frameworks;

	private final IndicatorNodeRepository nodes;

	NodeLineage(IndicatorFrameworkRepository frameworks, IndicatorNodeRepository nodes) {
		this.frameworks = frameworks;
		this.nodes = nodes;
	}

	/** Node id of {@code from} → the node id of {@code to} that answers to it; scored nodes only, one to one. */
	public Map<Long, Long> correspondence(IndicatorFramework from, List<IndicatorNode> fromNodes, IndicatorFramework to,
			List<IndicatorNode> toNodes) {
		var mapped = new HashMap<Long, Long>();
		if (from.getId().equals(to.getId())) {
			fromNodes.stream().filter(node -> node.getLevel().scored()).forEach(node -> mapped.put(node.getId(), node.getId()));
			return mapped;
		}
		if (from.lineage() == to.lineage()) {
			if (from.getVersionNumber() < to.getVersionNumber()) {
				mapped.putAll(copies(fromNodes, toNodes, from, to));
			}
			else {
				copies(toNodes, fromNodes, to, from).forEach((older, newer) -> mapped.put(newer, older));
			}
		}
		var taken = new HashSet<>(mapped.values());
		for (var node : fromNodes) {
			if (node.getLevel().scored() && !mapped.containsKey(node.getId())) {
				toNodes.stream()
					.filter(next -> next.getLevel() == node.getLevel() && next.getCode().equals(node.getCode()))
					.filter(next -> !taken.contains(next.getId()))
					.findFirst()
					.ifPresent(next -> {
						mapped.put(node.getId(), next.getId());
						taken.add(next.getId());
					});
			}
		}
		return mapped;
	}

	/** Older node id → the newer node copied from it through the versions between. */
	private Map<Long, Long> copies(List<IndicatorNode> olderNodes, List<IndicatorNode> newerNodes, IndicatorFramework older,
			IndicatorFramework newer) {
		var origins = new HashMap<Long, @Nullable Long>();
		for (var version : frameworks.findByLineageIdOrderByVersionNumberDesc(older.lineage())) {
			if (version.getVersionNumber() > older.getVersionNumber()
					&& version.getVersionNumber() <= newer.getVersionNumber()) {
				nodes.findByFrameworkIdOrderByPositionAscIdAsc(version.getId())
					.forEach(node -> origins.put(node.getId(), node.getOriginId()));
			}
		}
		var olderIds = olderNodes.stream().map(IndicatorNode::getId).collect(Collectors.toSet());
		var copies = new HashMap<Long, Long>();
		for (var node : newerNodes) {
			if (!node.getLevel().scored()) {
				continue;
			}
			Long origin = node.getOriginId();
			while (origin != null && !olderIds.contains(origin)) {
				origin = origins.get(origin);
			}
			if (origin != null) {
				copies.putIfAbsent(origin, node.getId());
			}
		}
		return copies;
	}

}
