package org.pomegranate.assessment.evidence;

import java.util.List;

import org.pomegranate.files.FileStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a submission freezes of the evidence: for each scored node, every file of every piece of
 * evidence linked to it at that moment (but those removed from their piece), with its name, size and SHA-256 (files never change once
 * stored, so the id and hash are the file). Later links, uploads or edits of the library do not
 * change what a submission holds.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class EvidenceSnapshots {

	private final JdbcClient jdbc;

	private final FileStore files;

	EvidenceSnapshots(JdbcClient jdbc, FileStore files) {
		this.jdbc = jdbc;
		this.files = files;
	}

	/** Freezes the links of {@code assessmentId} as submission number {@code submission}. */
	public void snapshot(long assessmentId, int submission) {
		var links = jdbc.sql("""
				select l.node_id, l.evidence_id, e.title
				from assessment_evidence l join evidence e on e.id = l.evidence_id
				where l.assessment_id = ?
				order by l.node_id, l.evidence_id""")
			.param(assessmentId)
			.query((row, n) -> new Link(row.getLong(1), row.getLong(2), row.getString(3)))
			.list();
		var stored = EvidenceFiles.current(files, jdbc, links.stream().map(Link::evidenceId).distinct().toList());
		for (var link : links) {
			for (var file : stored.getOrDefault(link.evidenceId(), List.of())) {
				jdbc.sql("""
						insert into evidence_snapshot (assessment_id, submission, node_id, evidence_id, file_id, file_name, sha256, size_bytes)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(assessmentId, submission, link.nodeId(), link.evidenceId(), file.id(), file.filename(), file.sha256(),
							file.sizeBytes())
					.update();
			}
		}
	}

	/** The files of the latest submission, by node, in node then evidence order. */
	@Transactional(readOnly = true, propagation = Propagation.REQUIRED)
	public List<SnapshotFile> latest(long assessmentId) {
		return jdbc.sql("""
				select s.node_id, s.evidence_id, e.title, s.file_id, s.file_name, s.sha256, s.size_bytes
				from evidence_snapshot s join evidence e on e.id = s.evidence_id
				where s.assessment_id = ? and s.submission = (select max(submission) from evidence_snapshot where assessment_id = ?)
				order by s.node_id, s.evidence_id, s.file_id""")
			.params(assessmentId, assessmentId)
			.query((row, n) -> new SnapshotFile(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4),
					row.getString(5), row.getString(6), row.getLong(7)))
			.list();
	}

	private record Link(long nodeId, long evidenceId, String title) {
	}

}
