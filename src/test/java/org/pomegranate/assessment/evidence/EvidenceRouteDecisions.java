package org.pomegranate.assessment.evidence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the 佐证材料库 routes, for {@code AuthorizationMatrixTests}: record keepers browse
 * the library; the holder's people (staff, admins) make pieces, correct them, add and remove files; a
 * piece's page is read by record keepers of its region and by a reviewer whose assigned
 * assessment's latest submission holds it.
 */
public class EvidenceRouteDecisions implements RouteDecisions {

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private static final String AUTHOR = "ev_authorization";

	/** A PNG signature and padding: what the store takes as a PNG. */
	private static final byte[] PNG = java.util.Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A },
			16);

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var matrix = new LinkedHashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /evidence", RECORD_KEEPERS);
		matrix.put("GET /evidence/new", WRITERS);
		matrix.put("POST /evidence", WRITERS);
		matrix.put("GET /evidence/{id}", EnumSet.allOf(Role.class));
		matrix.put("POST /evidence/{id}", WRITERS);
		matrix.put("POST /evidence/{id}/files", WRITERS);
		matrix.put("POST /evidence/{id}/files/{fileId}/remove", WRITERS);
		return matrix;
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("POST /evidence/{id}", Map.of("version", "-1"));
	}

	/**
	 * A piece of {@code county}'s evidence ({@code "evidence"}) with one stored PNG ({@code "file"},
	 * in place of the common sample file, so that every role the download route allows, reviewers
	 * included, reaches a file it may see), held by the latest submission of an assessment of the
	 * county to which the demo reviewer holds a live assignment.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		jdbc.update("""
				insert into evidence (holder_kind, holder_region_code, title, kind, made_on, created_by)
				select 'REGION', ?, '授权测试佐证材料', 'PHOTO', date '1999-06-01', ?
				where not exists (select 1 from evidence where holder_region_code = ? and created_by = ?)""",
				county, AUTHOR, county, AUTHOR);
		long evidence = jdbc.queryForObject("select id from evidence where holder_region_code = ? and created_by = ?",
				Long.class, county, AUTHOR);
		// The store writes the chunks before the header; one block is one transaction.
		jdbc.execute("""
				do $$
				declare f bigint;
				begin
				  if not exists (select 1 from stored_file where owner_kind = 'evidence' and owner_id = %d) then
				    f := nextval(pg_get_serial_sequence('stored_file', 'id'));
				    insert into stored_file_chunk (file_id, seq, data) values (f, 0, '\\x%s'::bytea);
				    insert into stored_file (id, owner_kind, owner_id, region_code, content_type, filename, size_bytes, sha256, uploaded_by)
				    values (f, 'evidence', %d, '%s', 'image/png', '授权测试.png', %d, '%s', '%s');
				  end if;
				end $$""".formatted(evidence, HexFormat.of().formatHex(PNG), evidence, county, PNG.length, sha256(PNG), AUTHOR));
		long file = jdbc.queryForObject("select id from stored_file where owner_kind = 'evidence' and owner_id = ?", Long.class,
				evidence);
		var framework = jdbc.queryForObject(
				"select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'", Long.class);
		jdbc.update("""
				insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state, created_by)
				select ?, 'REGION', ?, (select name from region where code = ?), 2001, 'RECHECK', 'DRAFT', ?
				where not exists (select 1 from assessment where holder_region_code = ? and created_by = ?)""",
				framework, county, county, AUTHOR, county, AUTHOR);
		long assessment = jdbc.queryForObject("select id from assessment where holder_region_code = ? and created_by = ?",
				Long.class, county, AUTHOR);
		long node = jdbc.queryForObject("select id from indicator_node where framework_id = ? and code = '1.1.1'", Long.class,
				framework);
		jdbc.update("insert into assessment_evidence (assessment_id, node_id, evidence_id) values (?, ?, ?) on conflict do nothing",
				assessment, node, evidence);
		jdbc.update("""
				insert into evidence_snapshot (assessment_id, submission, node_id, evidence_id, file_id, file_name, sha256, size_bytes)
				values (?, 1, ?, ?, ?, '授权测试.png', ?, ?) on conflict do nothing""", assessment, node, evidence, file, sha256(PNG),
				PNG.length);
		jdbc.update("insert into evaluating_institution (region_code, name, created_by) values ('5133', '授权测试评估机构（佐证）', ?) "
				+ "on conflict do nothing", AUTHOR);
		long institution = jdbc.queryForObject(
				"select id from evaluating_institution where region_code = '5133' and name = '授权测试评估机构（佐证）'", Long.class);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				select ?, 'gz_reviewer', ?, current_date - 30, current_date + 365, ?
				where not exists (select 1 from reviewer_assignment where assessment_id = ? and user_name = 'gz_reviewer')""",
				assessment, institution, AUTHOR, assessment);
		return Map.of("evidence", String.valueOf(evidence), "file", String.valueOf(file), "fileId", String.valueOf(file));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
