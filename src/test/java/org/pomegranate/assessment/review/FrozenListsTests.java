package org.pomegranate.assessment.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.assessment.review.ReviewFixtures.GZ_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.INSTITUTION;
import static org.pomegranate.assessment.review.ReviewFixtures.KANGDING;
import static org.pomegranate.assessment.review.ReviewFixtures.KD_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.KD_STAFF;
import static org.pomegranate.assessment.review.ReviewFixtures.LD_ADMIN;
import static org.pomegranate.assessment.review.ReviewFixtures.OTHER_REVIEWER;
import static org.pomegranate.assessment.review.ReviewFixtures.REVIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.metric.LiveMetrics;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.ReviewForms.ReturnForm;
import org.pomegranate.assessment.workflow.Reviews;
import org.pomegranate.figures.FigureRecords;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.Percent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The lists behind frozen figures as their readers read them: 康定市's staff submit this year's
 * assessment; the assigned reviewer follows each frozen figure of the review page to its list,
 * pages through it and finds as many rows as the total, which is the frozen figure (a rate: its
 * part over its whole), masked (no full name, identity number or phone of any listed record); a
 * petition recorded afterwards moves the live figure but not the list, until the article is returned
 * and resubmitted (then its list alone is frozen again); the ids the owning modules
 * name are those their figures count, for a county (rows) and a prefecture (tallies); the demo's
 * submitted assessments have their lists; anyone without the assessment, an article without a
 * frozen list and a draft get exactly the 404 of a missing record.
 */
@IntegrationTest
class FrozenListsTests {

	private static final Pattern FIGURE_LINK = Pattern
		.compile("href=\"(/reviews/(\\d+)/nodes/(\\d+)/records)\"");

	private static final Pattern TOTAL = Pattern.compile("共 (\\d+) 条");

	private static final Pattern PART = Pattern.compile("其中\\S+ (\\d+) 条，占 ([0-9.]+%)");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AssessmentDrafts drafts;

	@Autowired
	AssessmentSheets sheets;

	@Autowired
	Reviews reviews;

	@Autowired
	LiveMetrics liveMetrics;

	@Autowired
	List<FigureRecords> owners;

	@Autowired
	Clock clock;

	long framework;

	int year;

	@BeforeEach
	void users() {
		ReviewFixtures.users(jdbc);
		ReviewFixtures.clear(jdbc);
		framework = ReviewFixtures.demoCountyFramework(jdbc);
		year = ChinaTime.today(clock).getYear();
	}

	@AfterEach
	void clear() {
		ReviewFixtures.signOut();
		jdbc.update("delete from petition where title = '冻结名单测试诉求'");
		ReviewFixtures.clear(jdbc);
	}

	@Test
	void theReviewerFollowsEachFrozenFigureToItsListWhoseTotalIsTheFigure() throws Exception {
		long id = submitted();
		assign(id, REVIEWER, 0, 10);
		var review = page("/reviews/" + id, REVIEWER);
		var links = FIGURE_LINK.matcher(review);
		var metrics = new LinkedHashMap<Long, LiveMetric>();
		while (links.find()) {
			assertThat(Long.parseLong(links.group(2))).isEqualTo(id);
			long node = Long.parseLong(links.group(3));
			metrics.put(node, LiveMetric.valueOf(jdbc.queryForObject("select metric from indicator_node where id = ?",
					String.class, node)));
		}
		// Every bound article of the demo framework, one link each.
		assertThat(metrics.values()).containsExactlyInAnyOrderElementsOf(jdbc.queryForList("""
				select n.metric from indicator_node n join assessment a on a.framework_id = n.framework_id
				where a.id = ? and n.metric is not null""", String.class, id).stream().map(LiveMetric::valueOf).toList());
		assertThat(metrics).hasSize(8);
		long listed = 0;
		for (var entry : metrics.entrySet()) {
			var frozen = jdbc.queryForMap("select metric_value, metric_text from assessment_score where assessment_id = ? "
					+ "and node_id = ?", id, entry.getKey());
			var path = "/reviews/" + id + "/nodes/" + entry.getKey() + "/records";
			var first = page(path, REVIEWER);
			assertThat(cell(first, "frozen-figure")).as(entry.getValue().name()).isEqualTo(frozen.get("metric_text"));
			var totals = TOTAL.matcher(cell(first, "records-total"));
			assertThat(totals.find()).isTrue();
			long total = Long.parseLong(totals.group(1));
			var rows = rows(path, REVIEWER, total);
			assertThat(rows).as(entry.getValue().name()).hasSize((int) total);
			var value = (Double) frozen.get("metric_value");
			if (entry.getValue().partKey() == null && entry.getValue().unit() == org.pomegranate.figures.KeyFigure.Unit.COUNT) {
				assertThat((double) total).as(entry.getValue().name()).isEqualTo(value);
				assertThat(first).doesNotContain("id=\"records-part\"");
			}
			else {
				var part = PART.matcher(cell(first, "records-part"));
				assertThat(part.find()).as(entry.getValue().name()).isTrue();
				long inPart = Long.parseLong(part.group(1));
				assertThat(rows.stream().filter(row -> row.endsWith("|是")).count()).as(entry.getValue().name())
					.isEqualTo(inPart);
				assertThat(Percent.of(inPart, total)).as(entry.getValue().name()).isEqualTo(value);
				if (value != null) {
					assertThat(part.group(2)).isEqualTo(frozen.get("metric_text"));
				}
			}
			listed += total;
		}
		// The demo data gives 康定市 something to list this year.
		assertThat(listed).isPositive();
		// The holder's people read the same list from their page.
		var node = metrics.keySet().iterator().next();
		var holder = page("/assessments/" + id, KD_ADMIN);
		assertThat(holder).contains("href=\"/assessments/" + id + "/nodes/" + node + "/records\"");
		assertThat(cell(page("/assessments/" + id + "/nodes/" + node + "/records", KD_ADMIN), "records-total"))
			.isEqualTo(cell(page("/reviews/" + id + "/nodes/" + node + "/records", REVIEWER), "records-total"));
	}

	@Test
	void aPetitionRecordedAfterTheSubmissionMovesTheLiveFigureButNotTheList() throws Exception {
		long id = submitted();
		assign(id, REVIEWER, 0, 10);
		long node = node(id, LiveMetric.RESOLUTION_RATE);
		var path = "/reviews/" + id + "/nodes/" + node + "/records";
		var before = cell(page(path, REVIEWER), "records-total");
		var frozenIds = jdbc.queryForObject("select record_ids::text from assessment_figure_records where assessment_id = ? "
				+ "and node_id = ?", String.class, id, node);

		long added = addPetitionToday();
		ReviewFixtures.signIn(users, KD_STAFF);
		var live = liveMetrics.read(KANGDING, year, ChinaTime.today(clock)).get(LiveMetric.RESOLUTION_RATE);
		ReviewFixtures.signOut();
		assertThat(live).isNotNull();
		assertThat(live.text()).isNotEqualTo(jdbc.queryForObject(
				"select metric_text from assessment_score where assessment_id = ? and node_id = ?", String.class, id, node));

		assertThat(cell(page(path, REVIEWER), "records-total")).isEqualTo(before);
		assertThat(jdbc.queryForObject("select record_ids::text from assessment_figure_records where assessment_id = ? "
				+ "and node_id = ?", String.class, id, node)).isEqualTo(frozenIds);
		assertThat(jdbc.queryForObject("select ? = any(record_ids) from assessment_figure_records where assessment_id = ? "
				+ "and node_id = ?", Boolean.class, added, id, node)).isFalse();
	}

	@Test
	void aResubmissionFreezesAgainTheListsOfTheReturnedArticlesOnly() {
		long id = submitted();
		assign(id, REVIEWER, 0, 10);
		long resolution = node(id, LiveMetric.RESOLUTION_RATE);
		var before = frozenAt(id);
		ReviewFixtures.signIn(users, REVIEWER);
		reviews.start(id, version(id));
		reviews.returnArticle(id, resolution, new ReturnForm("请核对诉求台账", version(id)));
		reviews.sendBack(id, version(id));
		ReviewFixtures.signOut();

		long added = addPetitionToday();
		ReviewFixtures.signIn(users, KD_STAFF);
		drafts.resubmit(id, version(id));
		ReviewFixtures.signOut();
		var after = frozenAt(id);
		assertThat(after.get(resolution)).isAfter(before.get(resolution));
		assertThat(jdbc.queryForObject("select ? = any(record_ids) from assessment_figure_records where assessment_id = ? "
				+ "and node_id = ?", Boolean.class, added, id, resolution)).isTrue();
		before.remove(resolution);
		after.remove(resolution);
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theListsShowNoFullNameIdentityNumberOrPhone() throws Exception {
		long id = submitted();
		assign(id, REVIEWER, 0, 10);
		var petitions = page("/reviews/" + id + "/nodes/" + node(id, LiveMetric.RESOLUTION_RATE) + "/records", REVIEWER);
		var shown = jdbc.queryForList("""
				select p.petitioner_name, p.petitioner_phone from assessment_figure_records f
				cross join lateral unnest(f.record_ids[1:50]) as listed(id) join petition p on p.id = listed.id
				where f.assessment_id = ? and f.node_id = ?""", id, node(id, LiveMetric.RESOLUTION_RATE));
		assertThat(shown).isNotEmpty();
		for (var petition : shown) {
			var name = (String) petition.get("petitioner_name");
			assertThat(petitions).contains(name.substring(0, 1) + "*".repeat(name.length() - 1));
			if (name.length() > 1) {
				assertThat(petitions).doesNotContain(">" + name + "<");
			}
			var phone = (String) petition.get("petitioner_phone");
			if (phone != null && !phone.isEmpty()) {
				assertThat(petitions).doesNotContain(phone);
			}
		}
		var households = page("/reviews/" + id + "/nodes/" + node(id, LiveMetric.PAIRING_COVERAGE) + "/records", REVIEWER);
		var listed = jdbc.queryForList("""
				select h.head_name, h.id_number, h.phone from assessment_figure_records f
				cross join lateral unnest(f.record_ids[1:50]) as listed(id) join household h on h.id = listed.id
				where f.assessment_id = ? and f.node_id = ?""", id, node(id, LiveMetric.PAIRING_COVERAGE));
		assertThat(listed).isNotEmpty();
		for (var household : listed) {
			var number = (String) household.get("id_number");
			assertThat(households).doesNotContain(number).contains(number.substring(0, 6) + "********" + number.substring(14));
			var name = (String) household.get("head_name");
			if (name.length() > 1) {
				assertThat(households).doesNotContain(">" + name + "<");
			}
			var phone = (String) household.get("phone");
			if (phone != null && !phone.isEmpty()) {
				assertThat(households).doesNotContain(phone);
			}
		}
		// No household category in the table: a 残疾人家庭 would say the disability.
		var table = households.substring(households.indexOf("id=\"records\""), households.indexOf("</table>"));
		assertThat(table).doesNotContain("残疾").doesNotContain("类别");
	}

	@Test
	void theIdsTheModulesNameAreThoseTheirFiguresCountForACountyAndAPrefecture() {
		ReviewFixtures.signIn(users, GZ_ADMIN);
		var today = ChinaTime.today(clock);
		for (var region : List.of(KANGDING, "5133")) {
			var readings = liveMetrics.read(region, year, today);
			var query = LiveMetrics.query(region, year, today);
			for (var metric : LiveMetric.values()) {
				var owner = owners.stream().filter(candidate -> candidate.knows(metric.figureKey())).findFirst().orElseThrow();
				var counted = owner.counted(metric.figureKey(), query);
				var reading = readings.get(metric);
				assertThat(reading).as(region + " " + metric).isNotNull();
				if (metric.partKey() != null) {
					var part = owners.stream().filter(candidate -> candidate.knows(metric.partKey())).findFirst().orElseThrow()
						.counted(metric.partKey(), query).ids();
					assertThat(Percent.of(part.size(), counted.ids().size())).as(region + " " + metric).isEqualTo(reading.value());
					assertThat(counted.ids()).containsAll(part);
				}
				else if (counted.part() != null) {
					assertThat(Percent.of(counted.part().size(), counted.ids().size())).as(region + " " + metric)
						.isEqualTo(reading.value());
				}
				else {
					assertThat((double) counted.ids().size()).as(region + " " + metric).isEqualTo(reading.value());
				}
				assertThat(counted.ids()).as(region + " " + metric).doesNotHaveDuplicates();
			}
		}
	}

	@Test
	void theDemosSubmittedAssessmentsHaveTheirListsFrozen() throws Exception {
		var missing = jdbc.queryForObject("""
				select count(*) from assessment a join assessment_score s on s.assessment_id = a.id
				join indicator_node n on n.id = s.node_id and n.metric is not null
				where a.created_by = 'demo' and a.state <> 'DRAFT'
				  and not exists (select 1 from assessment_figure_records f where f.assessment_id = a.id and f.node_id = n.id)""",
				Long.class);
		assertThat(missing).isZero();
		// A count's list holds as many records as its frozen figure.
		assertThat(jdbc.queryForObject("""
				select count(*) from assessment_figure_records f join assessment_score s using (assessment_id, node_id)
				where f.part_ids is null and s.metric_value is distinct from cardinality(f.record_ids)""", Long.class)).isZero();
		// The demo reviewer reads 泸定县's petitions behind its frozen 诉求化解率.
		long luding = jdbc.queryForObject(
				"select id from assessment where created_by = 'demo' and holder_region_code = '513322'", Long.class);
		var review = page("/reviews", "gz_reviewer");
		assertThat(review).contains("href=\"/reviews/" + luding + "\"");
		var path = "/reviews/" + luding + "/nodes/" + node(luding, LiveMetric.RESOLUTION_RATE) + "/records";
		assertThat(page("/reviews/" + luding, "gz_reviewer")).contains("href=\"" + path + "\"");
		var totals = TOTAL.matcher(cell(page(path, "gz_reviewer"), "records-total"));
		assertThat(totals.find()).isTrue();
		assertThat(Long.parseLong(totals.group(1))).isPositive()
			.isEqualTo(jdbc.queryForObject("select cardinality(record_ids) from assessment_figure_records "
					+ "where assessment_id = ? and node_id = ?", Long.class, luding, node(luding, LiveMetric.RESOLUTION_RATE)));
	}

	@Test
	void anyoneWithoutTheAssessmentAnArticleWithoutAListAndADraftGetTheNotFoundOfAMissingRecord() throws Exception {
		long id = submitted();
		long node = node(id, LiveMetric.SATISFACTION);
		var path = "/reviews/" + id + "/nodes/" + node + "/records";
		// Not assigned.
		sameAsMissing(path, "/reviews/" + Long.MAX_VALUE + "/nodes/" + node + "/records", REVIEWER);
		assign(id, REVIEWER, 0, 10);
		assertThat(send(get(path), REVIEWER).getStatus()).isEqualTo(200);
		sameAsMissing(path, "/reviews/" + Long.MAX_VALUE + "/nodes/" + node + "/records", OTHER_REVIEWER);
		// An article without a metric, a node of no such article.
		long plain = jdbc.queryForObject("select s.node_id from assessment_score s join indicator_node n on n.id = s.node_id "
				+ "where s.assessment_id = ? and n.metric is null and n.level = 'ARTICLE' limit 1", Long.class, id);
		sameAsMissing("/reviews/" + id + "/nodes/" + plain + "/records",
				"/reviews/" + Long.MAX_VALUE + "/nodes/" + node + "/records", REVIEWER);
		sameAsMissing("/reviews/" + id + "/nodes/" + Long.MAX_VALUE + "/records",
				"/reviews/" + Long.MAX_VALUE + "/nodes/" + node + "/records", REVIEWER);
		// The window ended yesterday.
		jdbc.update("update reviewer_assignment set starts_on = current_date - 10, ends_on = current_date - 1 "
				+ "where assessment_id = ?", id);
		sameAsMissing(path, "/reviews/" + Long.MAX_VALUE + "/nodes/" + node + "/records", REVIEWER);
		// Another county's admin on the holder's page; the county's own admin reads it.
		var holderPath = "/assessments/" + id + "/nodes/" + node + "/records";
		sameAsMissing(holderPath, "/assessments/" + Long.MAX_VALUE + "/nodes/" + node + "/records", LD_ADMIN);
		assertThat(send(get(holderPath), KD_ADMIN).getStatus()).isEqualTo(200);
		// A draft has frozen nothing yet.
		ReviewFixtures.signIn(users, KD_STAFF);
		long draft = drafts.create(ReviewFixtures.newAssessment(framework, year - 1)).getId();
		ReviewFixtures.signOut();
		sameAsMissing("/assessments/" + draft + "/nodes/" + node + "/records",
				"/assessments/" + Long.MAX_VALUE + "/nodes/" + node + "/records", KD_ADMIN);
	}

	/** 康定市's assessment of this year, every node self-scored, submitted by the county's staff. */
	private long submitted() {
		ReviewFixtures.signIn(users, KD_STAFF);
		try {
			var id = drafts.create(ReviewFixtures.newAssessment(framework, year)).getId();
			ReviewFixtures.scoreEverything(drafts, sheets.sheet(id), () -> version(id));
			drafts.submit(id, version(id));
			return id;
		}
		finally {
			ReviewFixtures.signOut();
		}
	}

	/** An assignment of {@code reviewer} of an institution of 甘孜州 from {@code from} to {@code to} days from today. */
	private void assign(long id, String reviewer, int from, int to) {
		jdbc.update("insert into evaluating_institution (region_code, name, created_by) values ('5133', ?, 'rv_kd_test') "
				+ "on conflict do nothing", INSTITUTION + "名单");
		var institution = jdbc.queryForObject("select id from evaluating_institution where name = ?", Long.class,
				INSTITUTION + "名单");
		jdbc.update("""
				insert into institution_reviewer (user_name, institution_id) values (?, ?)
				on conflict (user_name) do update set institution_id = excluded.institution_id""", reviewer, institution);
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by)
				values (?, ?, ?, current_date + ?, current_date + ?, ?)""", id, reviewer, institution, from, to, GZ_ADMIN);
	}

	/** When each list of the assessment was frozen, by node. */
	private Map<Long, Instant> frozenAt(long id) {
		var frozen = new LinkedHashMap<Long, Instant>();
		jdbc.query("select node_id, frozen_at from assessment_figure_records where assessment_id = ? order by node_id",
				row -> {
					frozen.put(row.getLong("node_id"), row.getTimestamp("frozen_at").toInstant());
				}, id);
		return frozen;
	}

	private long node(long id, LiveMetric metric) {
		return jdbc.queryForObject("select s.node_id from assessment_score s join indicator_node n on n.id = s.node_id "
				+ "where s.assessment_id = ? and n.metric = ?", Long.class, id, metric.name());
	}

	/** A new open petition in 康定市, received today: collected rises, resolved does not. */
	private long addPetitionToday() {
		var columns = String.join(", ", jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_name = 'petition' and column_name not in ('id', 'number', 'submission_token', 'state', 'outcome',
				  'rating', 'closed_on', 'received_on', 'backlog', 'backlog_marked_on', 'backlog_target_on', 'reopen_count',
				  'created_at', 'updated_at', 'version', 'title')""", String.class));
		return jdbc.queryForObject("insert into petition (" + columns
				+ ", number, submission_token, state, received_on, title) select " + columns
				+ ", 'T' || substr(md5(random()::text), 1, 12), gen_random_uuid(), 'REGISTERED', current_date, '冻结名单测试诉求' "
				+ "from petition where region_code like ? limit 1 returning id", Long.class, KANGDING + "%");
	}

	/** Every row of the list, page after page, each as its cells joined by |. */
	private List<String> rows(String path, String username, long total) throws Exception {
		var rows = new ArrayList<String>();
		for (int page = 0; page * 50 < Math.max(total, 1); page++) {
			var html = page(path + "?page=" + page, username);
			var body = html.contains("<tbody>") ? html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>")) : "";
			for (var row : body.split("<tr")) {
				if (!row.contains("class=\"record\"")) {
					continue;
				}
				var cells = new ArrayList<String>();
				var cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row);
				while (cell.find()) {
					cells.add(cell.group(1).strip());
				}
				rows.add(String.join("|", cells));
			}
		}
		return rows;
	}

	private void sameAsMissing(String path, String missingPath, String username) throws Exception {
		var outside = send(get(path), username);
		var missing = send(get(missingPath), username);
		assertThat(outside.getStatus()).as(path).isEqualTo(404);
		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(outside.getHeaderNames()).isEqualTo(missing.getHeaderNames());
		assertThat(outside.getContentType()).isEqualTo(missing.getContentType());
		assertThat(normalized(outside.getContentAsString())).isEqualTo(normalized(missing.getContentAsString()));
	}

	/** The page with every number in it replaced, as ids differ between the two paths. */
	private static String normalized(String html) {
		return html.replaceAll("\\d+", "N");
	}

	private String page(String path, String username) throws Exception {
		var response = send(get(path), username);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString();
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
	}

	/**
	 * The text of the element with {@code id}, tags stripped and spaces collapsed: up to its first
	 * closing tag, or for the list's total (a paragraph of spans) up to the paragraph's end.
	 */
	private static String cell(String html, String id) {
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as(id).isPositive();
		int open = html.indexOf('>', start) + 1;
		int close = html.indexOf(id.equals("records-total") ? "</p>" : "</", open);
		return html.substring(open, close).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String username) throws Exception {
		return mvc.perform(request.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
	}

}
