package org.pomegranate.assessment.evidence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.workflow.HolderKind;
import org.pomegranate.files.FileStore;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A holder's evidence library and the links from an assessment's scored nodes to its pieces. The
 * callers (the assessment services) have already decided that the user may edit the assessment;
 * this service checks that the evidence is the same holder's, so that one holder's files can
 * never back another's articles.
 */
@Service
@Transactional(readOnly = true)
public class EvidenceLibrary {

	static final String ENTITY = "evidence";

	private final EvidenceRepository evidence;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final RegionScope scope;

	EvidenceLibrary(EvidenceRepository evidence, FileStore files, JdbcClient jdbc, RegionScope scope) {
		this.evidence = evidence;
		this.files = files;
		this.jdbc = jdbc;
		this.scope = scope;
	}

	/** The holder's library, newest made first. */
	public List<EvidenceView> ofHolder(HolderKind kind, String regionCode, @Nullable Long unitId) {
		var ids = jdbc.sql("""
				select id from evidence
				where holder_kind = ? and holder_region_code = ? and coalesce(unit_id, 0) = ?
				order by made_on desc, id desc""")
			.params(kind.name(), regionCode, unitId == null ? 0L : unitId)
			.query(Long.class)
			.list();
		return views(ids);
	}

	/** The pieces linked to each scored node of an assessment (by node id), in the order they were linked. */
	public Map<Long, List<EvidenceView>> linked(long assessmentId) {
		var links = jdbc.sql("select node_id, evidence_id from assessment_evidence where assessment_id = ? order by node_id, evidence_id")
			.param(assessmentId)
			.query((row, n) -> new long[] { row.getLong(1), row.getLong(2) })
			.list();
		var views = new LinkedHashMap<Long, EvidenceView>();
		for (var view : views(links.stream().map(link -> link[1]).distinct().toList())) {
			views.put(view.id(), view);
		}
		var byNode = new LinkedHashMap<Long, List<EvidenceView>>();
		for (var link : links) {
			byNode.computeIfAbsent(link[0], node -> new ArrayList<>()).add(views.get(link[1]));
		}
		return byNode;
	}

	/** Links a piece of the holder's evidence to a node; linking twice keeps one link. */
	@Transactional
	public void link(long assessmentId, long nodeId, long evidenceId, HolderKind kind, String regionCode,
			@Nullable Long unitId) {
		var piece = get(evidenceId);
		if (!piece.belongsTo(kind, regionCode, unitId)) {
			throw new BusinessRuleException("evidence.refused.otherHolder");
		}
		jdbc.sql("insert into assessment_evidence (assessment_id, node_id, evidence_id) values (?, ?, ?) on conflict do nothing")
			.params(assessmentId, nodeId, evidenceId)
			.update();
	}

	@Transactional
	public void unlink(long assessmentId, long nodeId, long evidenceId) {
		jdbc.sql("delete from assessment_evidence where assessment_id = ? and node_id = ? and evidence_id = ?")
			.params(assessmentId, nodeId, evidenceId)
			.update();
	}

	/** A piece of evidence in the user's scope; outside it, the same 404 as for none. */
	Evidence get(long id) {
		return scope.check(evidence.findById(id), ENTITY, id);
	}

	private List<EvidenceView> views(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var stored = EvidenceFiles.current(files, jdbc, ids);
		var byId = new LinkedHashMap<Long, Evidence>();
		evidence.findAllById(ids).forEach(piece -> byId.put(piece.getId(), piece));
		var views = new ArrayList<EvidenceView>();
		for (var id : ids) {
			var piece = byId.get(id);
			if (piece == null) {
				throw new RecordNotFoundException(ENTITY, id);
			}
			views.add(new EvidenceView(id, piece.getTitle(), piece.getKind(), piece.getMadeOn(), piece.getDescription(),
					stored.getOrDefault(id, List.of()), piece.getVersion()));
		}
		return views;
	}

}
