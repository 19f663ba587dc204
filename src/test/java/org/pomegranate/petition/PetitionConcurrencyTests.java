package org.pomegranate.petition;

import org.pomegranate.petition.loop.Petition;
import org.pomegranate.petition.loop.PetitionForm;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.StepForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.pomegranate.petition.PetitionForms.aPetition;
import static org.pomegranate.petition.StepForms.aStep;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people acting on one petition at the same moment: exactly one wins, the other is told why
 * and keeps what they typed. Two submissions of one registration form make one petition.
 */
@IntegrationTest
class PetitionConcurrencyTests {

	@Autowired
	PetitionService petitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	private ExecutorService threads;

	@BeforeEach
	void startThreads() {
		threads = Executors.newFixedThreadPool(2);
	}

	@AfterEach
	void stopThreads() throws InterruptedException {
		threads.shutdownNow();
		threads.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void ofTwoHandlersActingAtOnceExactlyOneWins() throws Exception {
		for (int round = 0; round < 5; round++) {
			long id = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
			var start = new CyclicBarrier(2);
			var accept = threads.submit(as("kd_staff", start,
					() -> petitions.accept(id, aStep().saying("马上办").build(), List.of())));
			var giveBack = threads.submit(as("kd_admin", start,
					() -> petitions.returnToPusher(id, aStep().saying("不属于本单位").build(), List.of())));
			var outcomes = new ArrayList<String>();
			for (Future<Petition> result : List.of(accept, giveBack)) {
				try {
					outcomes.add(result.get(30, TimeUnit.SECONDS).getState().name());
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(OptimisticLockingFailureException.class);
					outcomes.add("refused");
				}
			}
			assertThat(outcomes).as("round " + round).containsOnlyOnce("refused");
			var state = jdbc.queryForObject("select state from petition where id = ?", String.class, id);
			assertThat(outcomes).contains(state);
			assertThat(jdbc.queryForObject("select version from petition where id = ?", Long.class, id)).isEqualTo(1);
			assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ?", Long.class, id))
				.isEqualTo(1);
		}
	}

	/** The loser sees the petition as it is now, the reason, and every word they typed. */
	@Test
	void theLoserIsToldWhyAndKeepsWhatTheyTyped() throws Exception {
		long id = PetitionFixtures.petition(jdbc, "PUSHED", "SOLVED");
		PetitionFixtures.signIn(users, "kd_staff");
		petitions.accept(id, StepForm.empty(0), List.of());
		PetitionFixtures.signOut();

		var page = mvc.perform(post("/petitions/{id}/return", id).param("version", "0")
			.param("comment", "这件应由乡里办理，退回重新推送")
			.with(csrf())
			.with(user(users.loadUserByUsername("kd_admin")))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(409);
		var body = page.getContentAsString();
		assertThat(body).contains("这件诉求刚刚已被他人处理").contains("这件应由乡里办理，退回重新推送").contains("已接单");
		assertThat(jdbc.queryForObject("select state from petition where id = ?", String.class, id)).isEqualTo("ACCEPTED");
	}

	/** A progress note sent twice (a double click, a resend) is one step; the second answer is its success. */
	@Test
	void aProgressNoteSentTwiceWithItsPageTokenIsTakenOnce() throws Exception {
		long id = PetitionFixtures.petition(jdbc, "ACCEPTED", "SOLVED");
		var token = UUID.randomUUID().toString();
		for (int time = 0; time < 2; time++) {
			var answer = mvc.perform(post("/petitions/{id}/progress", id).param("version", "0")
				.param("comment", "已联系住建局现场查看")
				.param("submission", token)
				.with(csrf())
				.with(user(users.loadUserByUsername("kd_staff")))).andReturn();
			assertThat(answer.getResponse().getStatus()).as("time " + time).isEqualTo(302);
			assertThat(answer.getResponse().getRedirectedUrl()).isEqualTo("/petitions/" + id);
			assertThat(answer.getFlashMap().get("success")).isEqualTo("petition.done.PROGRESS");
		}
		assertThat(jdbc.queryForObject("select count(*) from petition_step where petition_id = ?", Long.class, id))
			.isEqualTo(1);
	}

	@Test
	void aRegistrationFormSubmittedTwiceAtOnceMakesOnePetition() throws Exception {
		var village = PetitionFixtures.village(jdbc);
		long category = jdbc.queryForObject("select min(id) from petition_category", Long.class);
		for (int round = 0; round < 3; round++) {
			var token = UUID.randomUUID();
			var form = aPetition().withToken(token).from("双击测试").in(village).inCategory(category).titled("双击提交的诉求")
				.build();
			var start = new CyclicBarrier(2);
			Callable<Long> submit = () -> register(form);
			var first = threads.submit(as("kd_staff", start, submit));
			var second = threads.submit(as("kd_staff", start, submit));
			assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(second.get(30, TimeUnit.SECONDS));
			assertThat(jdbc.queryForObject("select count(*) from petition where submission_token = ?", Long.class, token))
				.isEqualTo(1);
		}
	}

	/** As the controller does: a registration that lost the race finds the winner's petition. */
	private Long register(PetitionForm form) {
		try {
			return petitions.register(form, List.of()).getId();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			return petitions.registeredWith(form.token()).orElseThrow().getId();
		}
	}

	private <T> Callable<T> as(String username, CyclicBarrier start, Callable<T> work) {
		return () -> {
			PetitionFixtures.signIn(users, username);
			try {
				start.await(10, TimeUnit.SECONDS);
				return work.call();
			}
			finally {
				PetitionFixtures.signOut();
			}
		};
	}

}
