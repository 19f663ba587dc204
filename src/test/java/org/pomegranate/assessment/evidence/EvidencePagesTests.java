package org.pomegranate.assessment.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.evidence.EvidenceFixtures.KD_STAFF;
import static org.pomegranate.assessment.evidence.EvidenceFixtures.KD_SUPERVISOR;
import static org.pomegranate.assessment.evidence.EvidenceFixtures.LD_STAFF;
import static org.pomegranate.assessment.evidence.EvidenceFixtures.REVIEWER;
import static org.pomegranate.assessment.evidence.EvidenceRouteDecisions.sha256;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.ChinaTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockPart;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * 佐证材料库 as 康定市's staff use it: a piece with a real PNG and an MP4 (made once however often the
 * form is sent), backing two articles of two assessments, frozen by a submission with exactly its
 * files then; files of a wrong type, too big or malformed refused in Chinese with nothing written
 * and the form keeping what was typed; another county's piece, and a reviewer's without a live
 * assignment to a submission holding it, answering exactly as a missing one.
 */
@IntegrationTest
class EvidencePagesTests {

	private static final int MIB = 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	long framework;

	@BeforeEach
	void setUp() {
		EvidenceFixtures.users(jdbc);
		EvidenceFixtures.clear(jdbc);
		framework = jdbc.queryForObject(
				"select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'", Long.class);
	}

	@AfterEach
	void clear() {
		EvidenceFixtures.clear(jdbc);
	}

	@Test
	void aPieceWithAPhotoAndAVideoIsMadeOnceAndItsPageShowsItsFilesWithTheirHashes() throws Exception {
		var png = EvidenceFixtures.png(4);
		var mp4 = EvidenceFixtures.mp4(4096);
		var token = UUID.randomUUID().toString();
		var form = Map.of("submission", token, "holder", "R:513301", "title", "民族团结进步月活动照片", "kind", "PHOTO", "madeOn",
				"2026-03-01", "description", "3月1日广场宣传活动");
		var created = send(upload("/evidence", form, file("活动.png", png), file("宣传片.mp4", mp4)), KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		var again = send(upload("/evidence", form, file("活动.png", png), file("宣传片.mp4", mp4)), KD_STAFF);
		assertThat(again.getRedirectedUrl()).isEqualTo(created.getRedirectedUrl());
		assertThat(jdbc.queryForObject("select count(*) from evidence where created_by = ?", Long.class, KD_STAFF)).isEqualTo(1);
		long id = idOf(created.getRedirectedUrl());
		assertThat(jdbc.queryForList("select owner_kind from stored_file where owner_id = ? and owner_kind like 'evidence%' order by id",
				String.class, id)).containsExactly("evidence", "evidence-video");
		assertThat(jdbc.queryForObject("select made_on::text from evidence where id = ?", String.class, id)).isEqualTo("2026-03-01");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'evidence' and entity_id = ? and action = 'CREATE'",
				Long.class, String.valueOf(id))).isEqualTo(1);

		var page = send(get("/evidence/" + id), KD_STAFF).getContentAsString();
		assertThat(page).contains("民族团结进步月活动照片", "2026年3月1日", "活动.png", "宣传片.mp4", sha256(png), sha256(mp4),
				String.format("%,d 字节", png.length), "4,128 字节", "未被引用");
		var video = jdbc.queryForObject("select id from stored_file where owner_kind = 'evidence-video' and owner_id = ?", Long.class, id);
		assertThat(page).contains("href=\"/files/" + video + "\"");
		var download = send(get("/files/" + video), KD_STAFF);
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("video/mp4");
		assertThat(sha256(download.getContentAsByteArray())).isEqualTo(sha256(mp4));
		// The supervisor reads it, without the forms.
		var supervisor = send(get("/evidence/" + id), KD_SUPERVISOR).getContentAsString();
		assertThat(supervisor).contains(sha256(mp4)).doesNotContain("id=\"edit-form\"", "id=\"files-form\"");
	}

	@Test
	void onePieceBacksTwoArticlesOfTwoAssessmentsAndTheSubmissionHoldsExactlyItsFilesThen() throws Exception {
		long first = assessment(2003);
		long second = assessment(2004);
		var articles = jdbc.queryForList("""
				select id from indicator_node where framework_id = ? and level = 'ARTICLE' order by code limit 2""", Long.class,
				framework);
		var articleCodes = jdbc.queryForList("""
				select code from indicator_node where framework_id = ? and level = 'ARTICLE' order by code limit 2""", String.class,
				framework);
		// Opened from the first article of the self-assessment page, the piece is made for it.
		var opened = send(get("/evidence/new").param("assessment", String.valueOf(first)).param("node",
				String.valueOf(articles.get(0))), KD_STAFF);
		assertThat(opened.getStatus()).isEqualTo(200);
		assertThat(opened.getContentAsString()).contains("<option value=\"R:513301\" selected=\"selected\">康定市</option>",
				"id=\"for-article\"");
		var png = EvidenceFixtures.png(3);
		var mp4 = EvidenceFixtures.mp4(100);
		var created = send(upload("/evidence", Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513301", "title",
				"联席会议记录", "kind", "RECORD", "madeOn", "2026-02-05", "assessmentId", String.valueOf(first), "nodeId",
				String.valueOf(articles.get(0))), file("会议.png", png), file("会议.mp4", mp4)), KD_STAFF);
		assertThat(created.getRedirectedUrl()).isEqualTo("/assessments/" + first + "#node-" + articles.get(0));
		long piece = jdbc.queryForObject("select id from evidence where created_by = ? and title = '联席会议记录'", Long.class, KD_STAFF);
		link(first, articles.get(1), piece);
		link(second, articles.get(0), piece);
		assertThat(jdbc.queryForObject("select count(*) from assessment_evidence where evidence_id = ?", Long.class, piece))
			.isEqualTo(3);

		var list = send(get("/evidence").param("q", "联席会议记录"), KD_STAFF).getContentAsString();
		assertThat(list).contains("共 1 份", "记录 1", "/assessments/" + first + "#node-" + articles.get(1),
				"康定市 2003 · " + articleCodes.get(1), "康定市 2004 · " + articleCodes.get(0));
		assertThat(send(get("/evidence").param("q", "联席会议记录").param("kind", "PHOTO"), KD_STAFF).getContentAsString())
			.contains("共 0 份");
		assertThat(send(get("/evidence/" + piece), KD_STAFF).getContentAsString()).contains("被引用",
				"康定市 2003 年度自查 · " + articleCodes.get(0));

		submit(first);
		// A file added after the submission is not in it.
		var later = EvidenceFixtures.png(5);
		var added = send(upload("/evidence/" + piece + "/files", Map.of("submission", UUID.randomUUID().toString()),
				file("补充.png", later)), KD_STAFF);
		assertThat(added.getRedirectedUrl()).isEqualTo("/evidence/" + piece + "#files");
		var frozen = jdbc.queryForList("""
				select node_id, sha256 from evidence_snapshot where assessment_id = ? order by node_id, file_id""", first);
		assertThat(frozen).extracting(row -> row.get("node_id") + " " + row.get("sha256"))
			.containsExactly(articles.get(0) + " " + sha256(png), articles.get(0) + " " + sha256(mp4),
					articles.get(1) + " " + sha256(png), articles.get(1) + " " + sha256(mp4));
		assertThat(send(get("/evidence/" + piece), KD_STAFF).getContentAsString()).contains(sha256(later));

		// A reviewer assigned to the submitted assessment reads the piece as submitted.
		var assignment = assign(first);
		var reviewed = send(get("/evidence/" + piece), REVIEWER);
		assertThat(reviewed.getStatus()).isEqualTo(200);
		assertThat(reviewed.getContentAsString()).contains(sha256(png), sha256(mp4), "康定市 2003 年度自查 · " + articleCodes.get(0))
			.doesNotContain(sha256(later), "康定市 2004", "id=\"edit-form\"", "href=\"/evidence\"");
		long frozenFile = jdbc.queryForObject("select min(file_id) from evidence_snapshot where assessment_id = ?", Long.class, first);
		assertThat(send(get("/files/" + frozenFile), REVIEWER).getStatus()).isEqualTo(200);
		// The file added since the submission is not the reviewer's, even by its id.
		long laterFile = jdbc.queryForObject("select max(id) from stored_file where owner_kind = 'evidence' and owner_id = ?",
				Long.class, piece);
		assertThat(send(get("/files/" + laterFile), KD_STAFF).getStatus()).isEqualTo(200);
		assertThat(send(get("/files/" + laterFile), REVIEWER).getStatus()).isEqualTo(404);
		// Assigned only to the other (unsubmitted) assessment, or once the window has passed: as missing.
		assign(second);
		jdbc.update("update reviewer_assignment set starts_on = current_date - 10, ends_on = current_date - 1 where id = ?", assignment);
		var ended = send(get("/evidence/" + piece), REVIEWER);
		var missing = send(get("/evidence/" + Long.MAX_VALUE), REVIEWER);
		assertThat(ended.getStatus()).isEqualTo(404);
		assertSameAnswer(ended, missing, piece);
		assertThat(send(get("/files/" + frozenFile), REVIEWER).getStatus()).isEqualTo(404);
	}

	@Test
	void aRemovedFileLeavesThePieceAndLaterSubmissionsWhileTheSubmissionThatFrozeItKeepsIt() throws Exception {
		long first = assessment(2005);
		long second = assessment(2006);
		long article = jdbc.queryForObject("select id from indicator_node where framework_id = ? and level = 'ARTICLE' order by code limit 1",
				Long.class, framework);
		var kept = EvidenceFixtures.png(3);
		var wrong = EvidenceFixtures.png(6);
		var created = send(upload("/evidence", Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513301", "title",
				"走访照片", "kind", "PHOTO", "madeOn", "2026-04-01", "assessmentId", String.valueOf(first), "nodeId",
				String.valueOf(article)), file("走访.png", kept), file("传错了.png", wrong)), KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		long piece = jdbc.queryForObject("select id from evidence where created_by = ? and title = '走访照片'", Long.class, KD_STAFF);
		link(second, article, piece);
		submit(first);
		long wrongFile = jdbc.queryForObject("select id from stored_file where owner_id = ? and owner_kind = 'evidence' and sha256 = ?",
				Long.class, piece, sha256(wrong));

		// Not by a supervisor, not by another county (as missing), not a file of another piece.
		assertThat(send(post("/evidence/" + piece + "/files/" + wrongFile + "/remove"), KD_SUPERVISOR).getStatus()).isEqualTo(403);
		var outside = send(post("/evidence/" + piece + "/files/" + wrongFile + "/remove"), LD_STAFF);
		assertSameAnswer(outside, send(post("/evidence/" + Long.MAX_VALUE + "/files/" + wrongFile + "/remove"), LD_STAFF), piece);
		long other = create("另一份材料");
		assertThat(send(post("/evidence/" + other + "/files/" + wrongFile + "/remove"), KD_STAFF).getStatus()).isEqualTo(404);
		assertThat(removals(piece)).isZero();

		// Sent twice: removed once, audited once.
		var removed = send(post("/evidence/" + piece + "/files/" + wrongFile + "/remove"), KD_STAFF);
		assertThat(removed.getRedirectedUrl()).isEqualTo("/evidence/" + piece + "#files");
		assertThat(send(post("/evidence/" + piece + "/files/" + wrongFile + "/remove"), KD_STAFF).getStatus()).isEqualTo(302);
		assertThat(removals(piece)).isEqualTo(1);
		assertThat(jdbc.queryForObject("""
				select count(*) from audit_event where entity_type = 'evidence' and entity_id = ? and summary like '佐证材料移除文件%'""",
				Long.class, String.valueOf(piece))).isEqualTo(1);

		var page = Jsoup.parse(send(get("/evidence/" + piece), KD_STAFF).getContentAsString());
		assertThat(page.select("#file-table .sha256").eachText()).containsExactly(sha256(kept));
		assertThat(page.select("#removed-files li").text()).contains("传错了.png", "由 " + KD_STAFF);
		// The next submission freezes only what is on the piece; the first keeps what it froze.
		submit(second);
		assertThat(jdbc.queryForList("select sha256 from evidence_snapshot where assessment_id = ?", String.class, second))
			.containsExactly(sha256(kept));
		assertThat(jdbc.queryForList("select sha256 from evidence_snapshot where assessment_id = ? order by file_id", String.class, first))
			.containsExactly(sha256(kept), sha256(wrong));
		assign(first);
		var reviewed = send(get("/evidence/" + piece), REVIEWER).getContentAsString();
		assertThat(Jsoup.parse(reviewed).select("#file-table .sha256").eachText()).containsExactly(sha256(kept), sha256(wrong));
		assertThat(send(get("/files/" + wrongFile), REVIEWER).getStatus()).isEqualTo(200);
	}

	@Test
	void aWrongTypeATooBigOrAMalformedFileIsRefusedBeforeAnythingIsWrittenAndTheFormKeepsWhatWasTyped() throws Exception {
		long pieces = count("evidence");
		long files = count("stored_file");
		var typed = Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513301", "title", "我们输入的标题", "kind",
				"VIDEO", "madeOn", "2026-01-15", "description", "我们写的说明");
		var text = send(upload("/evidence", typed, file("照片.png", "这不是图片".getBytes())), KD_STAFF);
		assertThat(text.getStatus()).isEqualTo(422);
		assertThat(text.getContentAsString()).contains("文件的内容不是允许的格式（只能是 JPG、PNG、PDF、DOCX、XLSX 或 MP4 视频），未保存。",
				"value=\"我们输入的标题\"", "我们写的说明", "value=\"2026-01-15\"", "<option value=\"VIDEO\" selected=\"selected\">",
				"请重新选择要上传的文件。");
		var malformed = send(upload("/evidence", typed, file("视频.mp4", EvidenceFixtures.malformedMp4())), KD_STAFF);
		assertThat(malformed.getStatus()).isEqualTo(422);
		assertThat(malformed.getContentAsString()).contains("文件的内容不是允许的格式");
		var bigPhoto = new byte[21 * MIB];
		var png = EvidenceFixtures.png(2);
		System.arraycopy(png, 0, bigPhoto, 0, png.length);
		var tooBig = send(upload("/evidence", typed, file("大图.png", png), file("巨图.png", bigPhoto)), KD_STAFF);
		assertThat(tooBig.getStatus()).isEqualTo(422);
		assertThat(tooBig.getContentAsString()).contains("图片或文档每个不能超过 20 MB，未保存。", "value=\"我们输入的标题\"");
		var future = send(upload("/evidence", Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513301", "title",
				"明天的会", "kind", "RECORD", "madeOn", ChinaTime.today(clock).plusDays(1).toString()), file("会.png", png)), KD_STAFF);
		assertThat(future.getStatus()).isEqualTo(422);
		assertThat(future.getContentAsString()).contains("形成日期不能晚于今天。", "value=\"明天的会\"");
		var otherCounty = send(upload("/evidence", Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513322", "title",
				"泸定的材料", "kind", "RECORD", "madeOn", "2026-01-01"), file("会.png", png)), KD_STAFF);
		assertThat(otherCounty.getStatus()).isEqualTo(422);
		assertThat(otherCounty.getContentAsString()).contains("请选择您管辖范围内的地区或单位。");
		assertThat(count("evidence")).isEqualTo(pieces);
		assertThat(count("stored_file")).isEqualTo(files);
	}

	/**
	 * A file bigger than any the path takes is refused while the request is parsed: status 413 and
	 * the error page (whose Chinese text bench/evidence-video.sh reads over real HTTP, since MockMvc
	 * does not follow the forward).
	 */
	@Test
	void anUploadBeyondTheVideoLimitAnswersTheChinese413Page() throws Exception {
		var huge = new MockPart("files", "超大.mp4", EvidenceFixtures.mp4(16)) {

			@Override
			public long getSize() {
				return 201L * MIB;
			}

		};
		long pieces = count("evidence");
		var refused = send(multipart("/evidence").part(huge).param("submission", UUID.randomUUID().toString())
			.param("holder", "R:513301").param("title", "太大的视频").param("kind", "VIDEO").param("madeOn", "2026-01-01"), KD_STAFF);
		assertThat(refused.getStatus()).isEqualTo(413);
		assertThat(refused.getForwardedUrl()).isEqualTo("/error");
		assertThat(count("evidence")).isEqualTo(pieces);
	}

	@Test
	void anotherCountysPieceAnswersExactlyAsAMissingOneAndIsNotListed() throws Exception {
		long id = create("康定的佐证材料");
		var outside = send(get("/evidence/" + id), LD_STAFF);
		var missing = send(get("/evidence/" + Long.MAX_VALUE), LD_STAFF);
		assertThat(outside.getStatus()).isEqualTo(404);
		assertSameAnswer(outside, missing, id);
		var file = jdbc.queryForObject("select min(id) from stored_file where owner_kind = 'evidence' and owner_id = ?", Long.class, id);
		assertThat(send(get("/files/" + file), LD_STAFF).getStatus()).isEqualTo(404);
		assertThat(send(post("/evidence/" + id).param("title", "改").param("kind", "TEXT").param("madeOn", "2026-01-01")
			.param("holder", "R:513301").param("version", "0"), LD_STAFF).getStatus()).isEqualTo(404);
		assertThat(send(get("/evidence"), LD_STAFF).getContentAsString()).doesNotContain("康定的佐证材料");
		assertThat(send(get("/evidence").param("region", "513301"), LD_STAFF).getContentAsString()).contains("共 0 份");
		assertThat(send(get("/evidence").param("region", "513301").param("q", "康定的佐证"), KD_STAFF).getContentAsString())
			.contains("康定的佐证材料", "共 1 份");
	}

	@Test
	void anEditIsSavedOnceAndAStaleOneIsRefusedWithWhatWasTyped() throws Exception {
		long id = create("待修改的材料");
		long version = jdbc.queryForObject("select version from evidence where id = ?", Long.class, id);
		var saved = send(post("/evidence/" + id).param("title", "修改后的材料").param("kind", "TEXT").param("madeOn", "2026-01-02")
			.param("description", "补充说明").param("holder", "R:513301").param("version", String.valueOf(version)), KD_STAFF);
		assertThat(saved.getRedirectedUrl()).isEqualTo("/evidence/" + id);
		assertThat(jdbc.queryForMap("select title, kind, made_on::text as made_on from evidence where id = ?", id))
			.containsEntry("title", "修改后的材料").containsEntry("kind", "TEXT").containsEntry("made_on", "2026-01-02");
		var stale = send(post("/evidence/" + id).param("title", "另一人的修改").param("kind", "TEXT").param("madeOn", "2026-01-02")
			.param("holder", "R:513301").param("version", String.valueOf(version)), KD_STAFF);
		assertThat(stale.getStatus()).isEqualTo(422);
		assertThat(stale.getContentAsString()).contains("这份佐证材料已被他人修改，请刷新后再操作。", "value=\"另一人的修改\"");
		var blank = send(post("/evidence/" + id).param("title", " ").param("kind", "TEXT").param("madeOn", "2026-01-02")
			.param("holder", "R:513301").param("version", String.valueOf(version + 1)), KD_STAFF);
		assertThat(blank.getStatus()).isEqualTo(422);
		assertThat(jdbc.queryForObject("select title from evidence where id = ?", String.class, id)).isEqualTo("修改后的材料");
	}

	private long create(String title) throws Exception {
		var created = send(upload("/evidence", Map.of("submission", UUID.randomUUID().toString(), "holder", "R:513301", "title",
				title, "kind", "PHOTO", "madeOn", "2026-01-01"), file("图.png", EvidenceFixtures.png(2))), KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		return idOf(created.getRedirectedUrl());
	}

	private long assessment(int year) throws Exception {
		var created = send(post("/assessments").param("submission", UUID.randomUUID().toString())
			.param("frameworkId", String.valueOf(framework)).param("year", String.valueOf(year)).param("purpose", "SELF_CHECK"),
				KD_STAFF);
		assertThat(created.getStatus()).isEqualTo(302);
		return Long.parseLong(created.getRedirectedUrl().substring("/assessments/".length()));
	}

	private void link(long assessment, long node, long piece) throws Exception {
		var linked = send(post("/assessments/" + assessment + "/nodes/" + node + "/evidence").param("evidence", String.valueOf(piece)),
				KD_STAFF);
		assertThat(linked.getRedirectedUrl()).isEqualTo("/assessments/" + assessment + "#node-" + node);
	}

	/** Submits the assessment with a self score of 0 on every scored node (what is scored does not matter here). */
	private void submit(long assessment) throws Exception {
		jdbc.update("update assessment_score set self_score = 0 where assessment_id = ?", assessment);
		var version = jdbc.queryForObject("select version from assessment where id = ?", Long.class, assessment);
		var submitted = send(post("/assessments/" + assessment + "/submit").param("version", String.valueOf(version)), KD_STAFF);
		assertThat(submitted.getRedirectedUrl()).isEqualTo("/assessments/" + assessment);
	}

	private long assign(long assessment) {
		var institution = jdbc.queryForObject("""
				insert into evaluating_institution (region_code, name, created_by) values ('5133', '佐证测试评估机构', 'ev_kd_staff')
				on conflict (region_code, name) do update set name = excluded.name returning id""", Long.class);
		return jdbc.queryForObject("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				values (?, ?, ?, current_date - 1, current_date + 30, 'ev_kd_staff') returning id""", Long.class, assessment,
				REVIEWER, institution);
	}

	private long removals(long piece) {
		return jdbc.queryForObject("select count(*) from evidence_file_removal where evidence_id = ?", Long.class, piece);
	}

	private long count(String table) {
		return jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static void assertSameAnswer(MockHttpServletResponse outside, MockHttpServletResponse missing, long id)
			throws Exception {
		assertThat(outside.getStatus()).isEqualTo(missing.getStatus());
		assertThat(outside.getHeaderNames()).isEqualTo(missing.getHeaderNames());
		assertThat(outside.getContentType()).isEqualTo(missing.getContentType());
		assertThat(outside.getContentAsString().replace(String.valueOf(id), "ID"))
			.isEqualTo(missing.getContentAsString().replace(String.valueOf(Long.MAX_VALUE), "ID"));
	}

	private static long idOf(String url) {
		return Long.parseLong(url.substring("/evidence/".length()));
	}

	private static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "application/octet-stream", content);
	}

	private static MockMultipartHttpServletRequestBuilder upload(String path, Map<String, String> params,
			MockMultipartFile... files) {
		var request = multipart(path);
		for (var file : files) {
			request.file(file);
		}
		params.forEach((name, value) -> request.param(name, value));
		return request;
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> MockHttpServletResponse send(B request, String username)
			throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername(username))).header("Accept", "text/html")
			.header("Accept-Language", "zh-CN")).andReturn().getResponse();
	}

}
