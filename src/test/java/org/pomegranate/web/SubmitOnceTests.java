package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.PairingFixtures;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A create form sent more than once (a double click, a resend, a browser retry after an answer
 * lost when the database restarted) makes one record, and every answer after the first leads to
 * the record the first one made. A form without its token is refused, keeping what was typed.
 */
@IntegrationTest
class SubmitOnceTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

	/** A township of 九龙县 of these tests' own: villages added here are in no other test's counts. */
	static final String TOWNSHIP = "513324990";

	static final String VILLAGE = "513324990001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	SubmissionTokens submissions;

	@Autowired
	TransactionTemplate transactions;

	@BeforeEach
	void township() {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '提交测试乡', 'TOWNSHIP', '513324') on conflict do nothing",
				TOWNSHIP);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '提交测试村', 'VILLAGE', ?) on conflict do nothing",
				VILLAGE, TOWNSHIP);
	}

	@Test
	void aVisitFormSentThreeTimesRecordsOneVisitAndEveryAnswerLeadsToIt() throws Exception {
		var pairing = jdbc.queryForMap("""
				select id, household_id from pairing
				where ended_on is null and started_on <= ? and region_code like '5133%' order by id limit 1""", TODAY);
		var visitors = "三击走访" + System.nanoTime() % 100000;
		var token = UUID.randomUUID().toString();
		var answers = new ArrayList<String>();
		for (int time = 0; time < 3; time++) {
			var response = send(visit(pairing.get("id"), visitors).param("submission", token));
			assertThat(response.getStatus()).isEqualTo(302);
			answers.add(response.getRedirectedUrl());
		}
		assertThat(answers).containsOnly("/households/" + pairing.get("household_id"));
		assertThat(jdbc.queryForObject("select count(*) from visit where visitors = ?", Long.class, visitors)).isEqualTo(1);
		assertThat(jdbc.queryForObject("select record_id from submission where token = ?::uuid", String.class, token))
			.isEqualTo(String.valueOf(jdbc.queryForObject("select id from visit where visitors = ?", Long.class, visitors)));
	}

	@Test
	void aVisitFormSentTwiceAtTheSameMomentRecordsOneVisit() throws Exception {
		var pairing = jdbc.queryForObject("""
				select id from pairing
				where ended_on is null and started_on <= ? and region_code like '5133%' order by id desc limit 1""",
				Long.class, TODAY);
		var threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 3; round++) {
				var visitors = "双击走访" + round + "-" + System.nanoTime() % 100000;
				var token = UUID.randomUUID().toString();
				var ready = new CountDownLatch(2);
				var go = new CountDownLatch(1);
				var answers = new ArrayList<Future<MockHttpServletResponse>>();
				for (int click = 0; click < 2; click++) {
					var request = visit(pairing, visitors).param("submission", token);
					answers.add(threads.submit(() -> {
						ready.countDown();
						go.await(10, TimeUnit.SECONDS);
						return send(request);
					}));
				}
				ready.await(10, TimeUnit.SECONDS);
				go.countDown();
				for (var answer : answers) {
					assertThat(answer.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(302);
				}
				assertThat(jdbc.queryForObject("select count(*) from visit where visitors = ?", Long.class, visitors))
					.as("round " + round)
					.isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void aCadreFormSentTwiceRegistersOneCadreAndTheSecondAnswerLeadsToIt() throws Exception {
		var name = "重发干部" + System.nanoTime() % 100000;
		var answers = sentThrice(() -> post("/cadres").param("name", name)
			.param("gender", "FEMALE")
			.param("ethnicity", "04")
			.param("workUnit", "九龙县民宗局")
			// A level no test program of 九龙县 admits, so that no test's quota counts this cadre.
			.param("level", "PREFECTURE_LEADER")
			.param("regionCode", "513324")
			.param("phone", ""));
		long id = jdbc.queryForObject("select id from cadre where name = ?", Long.class, name);
		assertThat(answers).containsOnly("/cadres/" + id);
	}

	@Test
	void aHouseholdFormSentTwiceRegistersOneHouseholdAndTheSecondAnswerLeadsToIt() throws Exception {
		var idNumber = PairingFixtures.idNumber("19820202", 821);
		var answers = sentThrice(() -> post("/households").param("headName", "重发户")
			.param("idNumber", idNumber)
			.param("ethnicity", "04")
			.param("regionCode", VILLAGE)
			.param("memberCount", "2"));
		long id = jdbc.queryForObject("select id from household where id_number = ?", Long.class, idNumber);
		assertThat(answers).containsOnly("/households/" + id);
	}

	@Test
	void aPetitionFormSentThreeTimesRegistersOnePetition() throws Exception {
		long category = jdbc.queryForObject("select min(id) from petition_category where active", Long.class);
		var title = "重发诉求" + System.nanoTime() % 100000;
		var token = UUID.randomUUID().toString();
		var answers = new ArrayList<String>();
		for (int time = 0; time < 3; time++) {
			var response = send(post("/petitions").param("token", token)
				.param("source", "WALK_IN")
				.param("petitionerName", "重发群众")
				.param("regionCode", VILLAGE)
				.param("categoryId", String.valueOf(category))
				.param("title", title)
				.param("urgency", "NORMAL")
				.param("receivedOn", TODAY.toString())
				.param("notDuplicate", "true"));
			assertThat(response.getStatus()).isEqualTo(302);
			answers.add(response.getRedirectedUrl());
		}
		long id = jdbc.queryForObject("select id from petition where title = ?", Long.class, title);
		assertThat(answers).containsOnly("/petitions/" + id);
	}

	@Test
	void aUserFormSentTwiceCreatesOneAccountAndTheSecondAnswerLeadsToIt() throws Exception {
		var username = "resend_" + System.nanoTime() % 1000000;
		var answers = sentThrice(() -> post("/admin/users").param("username", username)
			.param("displayName", "重发用户")
			.param("role", "STAFF")
			.param("regionCode", "513324")
			.param("password", "Vq8#tZr2!mKp6@Lw")
			.param("confirmPassword", "Vq8#tZr2!mKp6@Lw"));
		long id = jdbc.queryForObject("select id from user_account where username = ?", Long.class, username);
		assertThat(answers).containsOnly("/admin/users/" + id);
	}

	@Test
	void aVillageFormSentTwiceAddsOneVillage() throws Exception {
		var name = "重发村" + System.nanoTime() % 100000;
		var token = UUID.randomUUID().toString();
		for (int time = 0; time < 3; time++) {
			var answer = mvc.perform(post("/regions/{code}/children", TOWNSHIP).param("name", name)
				.param("submission", token)
				.with(csrf())
				.with(user(users.loadUserByUsername("gz_admin")))).andReturn();
			assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/regions/" + TOWNSHIP);
			// Each answer is the first one's: added, with the new village marked, not "already exists".
			assertThat((Map<String, Object>) answer.getFlashMap()).containsEntry("success", "region.added")
				.doesNotContainKey("failure");
			assertThat(answer.getFlashMap().get("highlight")).isEqualTo(
					jdbc.queryForObject("select code from region where name = ?", String.class, name));
		}
		assertThat(jdbc.queryForObject("select count(*) from region where name = ?", Long.class, name)).isEqualTo(1);
	}

	@Test
	void aFormWithoutItsTokenIsRefusedWithWhatWasTypedAndANewToken() throws Exception {
		var name = "无令牌干部" + System.nanoTime() % 100000;
		var response = send(post("/cadres").param("name", name)
			.param("gender", "MALE")
			.param("ethnicity", "04")
			.param("level", "GENERAL")
			.param("regionCode", "513324"));
		assertThat(response.getStatus()).isEqualTo(200);
		var page = response.getContentAsString();
		assertThat(page).contains("表单已过期，请刷新后重试").contains("value=\"" + name + "\"")
			.containsPattern("name=\"submission\" value=\"[0-9a-f-]{36}\"");
		assertThat(jdbc.queryForObject("select count(*) from cadre where name = ?", Long.class, name)).isZero();

		// Opened afresh, the form carries a token and is saved.
		var form = mvc.perform(get("/cadres/new").with(user(users.loadUserByUsername("gz_admin"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(form).containsPattern("name=\"submission\" value=\"[0-9a-f-]{36}\"");
	}

	@Test
	void aTokenLeadsOnlyItsOwnUserToTheRecordOfItsOwnKind() {
		var token = UUID.randomUUID();
		as("gz_admin", () -> transactions.execute(status -> {
			submissions.claim(token, "Cadre").made(42);
			return true;
		}));
		Optional<Long> again = as("gz_admin",
				() -> transactions.execute(status -> submissions.claim(token, "Cadre").earlierId()));
		assertThat(again).contains(42L);
		for (var other : List.of(Map.entry("kd_admin", "Cadre"), Map.entry("gz_admin", "Household"))) {
			assertThatThrownBy(() -> as(other.getKey(),
					() -> transactions.execute(status -> submissions.claim(token, other.getValue()))))
				.isInstanceOfSatisfying(InvalidInputException.class,
						ex -> assertThat(ex.problems()).containsEntry("", "submission.error.expired"));
		}
	}

	@Test
	void tokensOlderThanAWeekAreForgotten() throws Exception {
		var old = UUID.randomUUID();
		jdbc.update("insert into submission (token, kind, record_id, username, created_at) values (?, 'Cadre', '1', 'gz_admin', now() - interval '8 days')",
				old);
		sentThrice(() -> post("/regions/{code}/children", TOWNSHIP).param("name", "清理村" + System.nanoTime() % 100000));
		assertThat(jdbc.queryForObject("select count(*) from submission where token = ?", Long.class, old)).isZero();
	}

	interface Form {

		MockHttpServletRequestBuilder request();

	}

	/** Sends one filled-in form three times with one token; returns where each answer leads. */
	private List<String> sentThrice(Form form) throws Exception {
		var token = UUID.randomUUID().toString();
		var answers = new ArrayList<String>();
		for (int time = 0; time < 3; time++) {
			var response = send(form.request().param("submission", token));
			assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
			answers.add(response.getRedirectedUrl());
		}
		return answers;
	}

	private MockHttpServletRequestBuilder visit(Object pairingId, String visitors) {
		var fields = new LinkedHashMap<String, String>(Map.of("visitedOn", TODAY.toString(), "kind", "HOME_VISIT",
				"visitors", visitors, "findings", "家中一切正常", "aidAmount", "0"));
		var request = post("/pairings/{id}/visits", pairingId);
		fields.forEach(request::param);
		return request;
	}

	private <T> T as(String username, Supplier<T> action) {
		var user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.with(csrf()).with(user(users.loadUserByUsername("gz_admin")))).andReturn().getResponse();
	}

}
