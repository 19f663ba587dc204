package org.pomegranate.assessment.evidence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceForm;
import org.pomegranate.assessment.evidence.EvidenceForms.EvidenceQuery;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.CampaignUnits;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the evidence library: supervisors, staff and admins browse the pieces of their subtree
 * with where each is used; a reviewer reads a piece (and downloads its files) only while it is
 * in the latest submission of an assessment they hold a live assignment to, and sees its files
 * as that submission froze them. Anything else answers as a missing piece (404).
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF', 'REVIEWER')")
public class EvidenceReading {

	private final EvidenceRepository evidence;

	private final FileStore files;

	private final JdbcClient jdbc;

	private final RegionScope scope;

	private final RegionService regions;

	private final CampaignUnits units;

	private final AssessmentAccess assessments;

	EvidenceReading(EvidenceRepository evidence, FileStore files, JdbcClient jdbc, RegionScope scope, RegionService regions,
			CampaignUnits units, AssessmentAccess assessments) {
		this.evidence = evidence;
		this.files = files;
		this.jdbc = jdbc;
		this.scope = scope;
		this.regions = regions;
		this.units = units;
		this.assessments = assessments;
	}

	/** Where a piece is used: one article of one assessment. */
	public record Citation(long evidenceId, long assessmentId, String holderName, int year, String purpose, long nodeId,
			String nodeCode, String nodeTitle) {
	}

	/** A piece as the library lists it: its holder's name, its files and where it is used. */
	public record EvidenceRow(Evidence piece, String holderName, List<StoredFileInfo> files, List<Citation> citations,
			List<RemovedFile> removed) {

		public EvidenceRow {
			files = List.copyOf(files);
			citations = List.copyOf(citations);
			removed = List.copyOf(removed);
		}

		public long totalBytes() {
			return files.stream().mapToLong(StoredFileInfo::sizeBytes).sum();
		}

	}

	/** A file taken off the piece (移除): still in the store and in the submissions that froze it. */
	public record RemovedFile(StoredFileInfo file, String removedBy, Instant removedAt) {
	}

	/** A page of the library with the number of pieces of each kind among all that match. */
	public record Library(Page<EvidenceRow> rows, Map<EvidenceKind, Long> byKind) {
	}

	/** Whether the signed-in user may browse the library: record keepers, not reviewers. */
	public boolean mayBrowse() {
		return CurrentRoles.anyOf("STAFF", "SUPERVISOR", "ADMIN");
	}

	/** The library of the user's subtree, filtered, newest made first; reviewers have none to browse. */
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
	public Library list(EvidenceQuery query, Pageable pageable) {
		var where = new StringBuilder("where e.holder_region_code like :prefix");
		var params = new LinkedHashMap<String, Object>();
		params.put("prefix", like(scope.prefix()));
		var region = query.region() == null ? "" : query.region().strip();
		if (region.matches("\\d{2,12}")) {
			where.append(" and e.holder_region_code like :region");
			params.put("region", like(region));
		}
		if (query.kind() != null) {
			where.append(" and e.kind = :kind");
			params.put("kind", query.kind().name());
		}
		var text = query.q() == null ? "" : query.q().strip();
		if (!text.isEmpty()) {
			where.append(" and (e.title ilike :text or e.description ilike :text)");
			params.put("text", "%" + escape(text.length() > 100 ? text.substring(0, 100) : text) + "%");
		}
		var byKind = new LinkedHashMap<EvidenceKind, Long>();
		jdbc.sql("select e.kind, count(*) from evidence e " + where + " group by e.kind")
			.params(params)
			.query((row, n) -> Map.entry(EvidenceKind.valueOf(row.getString(1)), row.getLong(2)))
			.list()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.forEach(entry -> byKind.put(entry.getKey(), entry.getValue()));
		long total = byKind.values().stream().mapToLong(Long::longValue).sum();
		var ids = jdbc.sql("select e.id from evidence e " + where + " order by e.made_on desc, e.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(Long.class)
			.list();
		return new Library(new PageImpl<>(rows(ids, null), pageable, total), byKind);
	}

	/** One piece with its files and where it is used, if the user may see it; otherwise the same 404 as for none. */
	public EvidenceRow show(long id) {
		var piece = visible(id);
		var reviewed = reviewedAssessments(id);
		var row = rows(List.of(piece.getId()), reviewed).get(0);
		if (reviewed == null) {
			return row;
		}
		// A reviewer reads the files as the submissions they review hold them.
		var frozen = new HashSet<Long>(jdbc.sql("""
				select s.file_id from evidence_snapshot s
				where s.evidence_id = :id and s.assessment_id in (:assessments)
				  and s.submission = (select max(t.submission) from evidence_snapshot t where t.assessment_id = s.assessment_id)""")
			.param("id", id)
			.param("assessments", reviewed)
			.query(Long.class)
			.list());
		var held = new ArrayList<StoredFileInfo>(row.files());
		row.removed().forEach(removed -> held.add(removed.file()));
		held.sort(Comparator.comparingLong(StoredFileInfo::id));
		return new EvidenceRow(row.piece(), row.holderName(), held.stream().filter(file -> frozen.contains(file.id())).toList(),
				row.citations(), List.of());
	}

	/** The form of the piece as it is now, for its page. */
	public EvidenceForm editForm(long id) {
		return EvidenceForm.of(visible(id));
	}

	/** Whether the signed-in user may see the piece (and download its files): false for none at all. */
	public boolean maySee(long id) {
		try {
			visible(id);
			return true;
		}
		catch (RecordNotFoundException ex) {
			return false;
		}
	}

	/**
	 * Of a piece the user may see, whether they may download this file of it: anyone who sees the
	 * piece by scope; a reviewer only a file that the latest submission of an assessment they
	 * review froze, not one added to the piece since.
	 */
	public boolean maySeeFile(long id, long fileId) {
		var reviewed = reviewedAssessments(id);
		if (reviewed == null) {
			return true;
		}
		return jdbc.sql("""
				select exists (select 1 from evidence_snapshot s
				               where s.evidence_id = :id and s.file_id = :file and s.assessment_id in (:assessments)
				                 and s.submission = (select max(t.submission) from evidence_snapshot t
				                                     where t.assessment_id = s.assessment_id))""")
			.param("id", id)
			.param("file", fileId)
			.param("assessments", reviewed)
			.query(Boolean.class)
			.single();
	}

	/** The piece as the signed-in user may see it: in scope, or for a reviewer through a live assignment. */
	Evidence visible(long id) {
		if (!CurrentRoles.anyOf("REVIEWER")) {
			return get(id);
		}
		var piece = evidence.findById(id).orElseThrow(() -> new RecordNotFoundException(EvidenceLibrary.ENTITY, id));
		var reviewed = reviewedAssessments(id);
		if (reviewed == null || reviewed.isEmpty()) {
			throw new OutOfScopeException(EvidenceLibrary.ENTITY, id);
		}
		return piece;
	}

	/**
	 * For a reviewer, the assessments whose latest submission holds the piece and to which they
	 * hold a live assignment; null for anyone else (who sees by scope).
	 */
	private @Nullable List<Long> reviewedAssessments(long id) {
		if (!CurrentRoles.anyOf("REVIEWER")) {
			return null;
		}
		var username = scope.currentUsername();
		return jdbc.sql("""
				select distinct s.assessment_id from evidence_snapshot s
				where s.evidence_id = ?
				  and s.submission = (select max(t.submission) from evidence_snapshot t where t.assessment_id = s.assessment_id)
				order by 1""")
			.param(id)
			.query(Long.class)
			.list()
			.stream()
			.filter(assessment -> assessments.assigned(username, assessment))
			.toList();
	}

	/** A piece in the user's scope; outside it, the same 404 as for none. */
	Evidence get(long id) {
		return scope.check(evidence.findById(id), EvidenceLibrary.ENTITY, id);
	}

	/** Rows of the pieces in the order given; {@code reviewed} limits the citations to those assessments. */
	private List<EvidenceRow> rows(List<Long> ids, @Nullable List<Long> reviewed) {
		if (ids.isEmpty()) {
			return List.of();
		}
		var byId = new LinkedHashMap<Long, Evidence>();
		evidence.findAllById(ids).forEach(piece -> byId.put(piece.getId(), piece));
		var stored = EvidenceFiles.of(files, ids);
		var removals = EvidenceFiles.removed(jdbc, ids);
		var citations = citations(ids, reviewed);
		var regionNames = regions.names(byId.values().stream().map(Evidence::getHolderRegionCode).distinct().toList());
		var rows = new ArrayList<EvidenceRow>();
		for (var id : ids) {
			var piece = byId.get(id);
			if (piece == null) {
				continue;
			}
			var name = piece.getUnitId() == null ? regionNames.getOrDefault(piece.getHolderRegionCode(), piece.getHolderRegionCode())
					: units.find(piece.getUnitId()).map(CampaignUnits.UnitRef::name).orElse("—");
			var all = stored.getOrDefault(id, List.of());
			rows.add(new EvidenceRow(piece, name, all.stream().filter(file -> !removals.containsKey(file.id())).toList(),
					citations.stream().filter(citation -> citation.evidenceId() == id).toList(),
					all.stream()
						.filter(file -> removals.containsKey(file.id()))
						.map(file -> new RemovedFile(file, removals.get(file.id()).removedBy(), removals.get(file.id()).removedAt()))
						.toList()));
		}
		return rows;
	}

	private List<Citation> citations(Collection<Long> ids, @Nullable List<Long> reviewed) {
		if (reviewed != null && reviewed.isEmpty()) {
			return List.of();
		}
		var sql = """
				select l.evidence_id, a.id, a.holder_name, a.year, a.purpose, n.id, n.code, n.title
				from assessment_evidence l join assessment a on a.id = l.assessment_id join indicator_node n on n.id = l.node_id
				where l.evidence_id in (:ids)""" + (reviewed == null ? "" : " and a.id in (:reviewed)")
				+ " order by a.year desc, a.id, n.position, n.id";
		var statement = jdbc.sql(sql).param("ids", ids);
		if (reviewed != null) {
			statement = statement.param("reviewed", reviewed);
		}
		return statement.query((row, n) -> new Citation(row.getLong(1), row.getLong(2), row.getString(3), row.getInt(4),
				row.getString(5), row.getLong(6), row.getString(7), row.getString(8))).list();
	}

	private static String like(String prefix) {
		return escape(prefix) + "%";
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
