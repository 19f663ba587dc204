package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.pairing.PairingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Requests that really race, on the real database: many edits of one household opened at the
 * same version, two admins adding the same village, two admins creating the same user name. Each
 * ends in a saved record or a clear Chinese message with what was typed kept, never a 500.
 */
@IntegrationTest
class RaceTests {


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
	MessageSource messages;

	private ExecutorService threads;

	@BeforeEach
	void setUp() {
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '提交测试乡', 'TOWNSHIP', '513324') on conflict do nothing",
				TOWNSHIP);
		jdbc.update("insert into region (code, name, level, parent_code) values (?, '提交测试村', 'VILLAGE', ?) on conflict do nothing",
				VILLAGE, TOWNSHIP);
		threads = Executors.newFixedThreadPool(20);
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		threads.shutdownNow();
		threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void twentyEditsOfOneHouseholdAtOnceEitherSaveOrAreToldSomeoneElseChangedIt() throws Exception {
		var created = mvc.perform(post("/households").with(csrf()).with(user(users.loadUserByUsername("gz_admin")))
			.param("submission", UUID.randomUUID().toString())
			.param("headName", "抢改测试户")
			.param("idNumber", PairingFixtures.idNumber("19810101", 811))
			.param("ethnicity", "04")
			.param("regionCode", VILLAGE)
			.param("memberCount", "3")
			.param("version", "0")).andReturn();
		assertThat(created.getResponse().getStatus()).isEqualTo(302);
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().replaceAll("\\D", ""));

		var outcomes = race(20, n -> post("/households/{id}", id).with(csrf())
			.with(user(users.loadUserByUsername("gz_admin")))
			.param("headName", "抢改测试户")
			.param("ethnicity", "04")
			.param("regionCode", VILLAGE)
			.param("memberCount", "3")
			.param("notes", "第 " + n + " 位的备注")
			.param("version", "0"));

		int saved = 0;
		for (int n = 0; n < outcomes.size(); n++) {
			var response = outcomes.get(n);
			if (response.getResponse().getStatus() == 302) {
				saved++;
				continue;
			}
			var body = response.getResponse().getContentAsString();
			assertThat(body).as("edit " + n).contains("该记录已被他人修改").contains("第 " + n + " 位的备注");
		}
		assertThat(saved).isEqualTo(1);
		assertThat(jdbc.queryForObject("select version from household where id = ?", Long.class, id)).isEqualTo(1);
	}

	@Test
	void twoAdminsAddingTheSameVillageAtOnceMakeOneAndTheOtherIsTold() throws Exception {
		var name = "抢建村" + System.nanoTime() % 100000;
		var outcomes = race(2, n -> post("/regions/{code}/children", TOWNSHIP).with(csrf())
			.with(user(users.loadUserByUsername("gz_admin")))
			.param("submission", UUID.randomUUID().toString())
			.param("name", name));
		var messages = new ArrayList<String>();
		for (var outcome : outcomes) {
			assertThat(outcome.getResponse().getStatus()).isEqualTo(302);
			var flash = outcome.getFlashMap();
			var key = (String) (flash.containsKey("failure") ? flash.get("failure") : flash.get("success"));
			messages.add(this.messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE));
			if (flash.containsKey("failure")) {
				assertThat(flash.get("childName")).isEqualTo(name);
			}
		}
		assertThat(messages).containsExactlyInAnyOrder("区划已新增。", "同一上级区划下已有同名区划。");
		assertThat(jdbc.queryForObject("select count(*) from region where parent_code = ? and name = ?", Long.class,
				TOWNSHIP, name)).isEqualTo(1);
	}

	@Test
	void twoAdminsCreatingTheSameUserNameAtOnceMakeOneAndTheOtherKeepsTheForm() throws Exception {
		var username = "race_" + System.nanoTime() % 1000000;
		var outcomes = race(2, n -> post("/admin/users").with(csrf())
			.with(user(users.loadUserByUsername(n == 0 ? "gz_admin" : "kd_admin")))
			.param("submission", UUID.randomUUID().toString())
			.param("username", username)
			.param("displayName", "抢注测试" + n)
			.param("role", "STAFF")
			.param("regionCode", "513301")
			.param("password", "Vq8#tZr2!mKp6@Lw")
			.param("confirmPassword", "Vq8#tZr2!mKp6@Lw"));
		var statuses = new ArrayList<Integer>();
		for (int n = 0; n < 2; n++) {
			var response = outcomes.get(n).getResponse();
			statuses.add(response.getStatus());
			if (response.getStatus() != 302) {
				assertThat(response.getContentAsString()).contains("该用户名已被使用").contains("抢注测试" + n);
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(302, 200);
		assertThat(jdbc.queryForObject("select count(*) from user_account where lower(username) = ?", Long.class,
				username)).isEqualTo(1);
	}

	@Test
	void twoAdminsNamingAProgramAlikeAtOnceMakeOneAndTheOtherKeepsTheForm() throws Exception {
		var name = "抢建计划" + System.nanoTime() % 100000;
		var outcomes = race(2, n -> post("/programs").with(csrf())
			.with(user(users.loadUserByUsername("gz_admin")))
			.param("submission", UUID.randomUUID().toString())
			.param("name", name)
			.param("regionCode", "513324")
			.param("targetCategories", "DISABLED")
			.param("cadreLevels", "GENERAL")
			.param("minHouseholds", "1")
			.param("maxHouseholds", "3")
			.param("visitIntervalDays", "3" + n));
		var statuses = new ArrayList<Integer>();
		for (int n = 0; n < 2; n++) {
			var response = outcomes.get(n).getResponse();
			statuses.add(response.getStatus());
			if (response.getStatus() != 302) {
				assertThat(response.getContentAsString()).contains("本区划已有同名计划").contains("value=\"3" + n + "\"");
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(302, 200);
		assertThat(jdbc.queryForObject("select count(*) from pairing_program where name = ?", Long.class, name))
			.isEqualTo(1);
	}

	interface Request {

		org.springframework.test.web.servlet.RequestBuilder of(int n) throws Exception;

	}

	/** Sends {@code count} requests released at one moment; a 500 fails the test with its cause. */
	private List<MvcResult> race(int count, Request request) throws Exception {
		var ready = new CountDownLatch(count);
		var go = new CountDownLatch(1);
		var results = new ArrayList<Future<MvcResult>>();
		for (int n = 0; n < count; n++) {
			var builder = request.of(n);
			results.add(threads.submit(() -> {
				ready.countDown();
				go.await(10, TimeUnit.SECONDS);
				return mvc.perform(builder).andReturn();
			}));
		}
		ready.await(10, TimeUnit.SECONDS);
		go.countDown();
		var outcomes = new ArrayList<MvcResult>();
		for (var result : results) {
			var outcome = result.get(60, TimeUnit.SECONDS);
			assertThat(outcome.getResponse().getStatus()).as(() -> String.valueOf(outcome.getResolvedException()))
				.isLessThan(500);
			outcomes.add(outcome);
		}
		return outcomes;
	}

}
