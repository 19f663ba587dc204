package org.pomegranate.unit.naming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.unit.naming.NamingFixtures.PREFECTURE_ADMIN;
import static org.pomegranate.unit.naming.NamingFixtures.signIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.unit.naming.NamingBatches.BatchForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Batch naming: the confirmation shows the count and the list before anything is written; the
 * commit names every holder chosen, as one audited action, or none of them, with the list of
 * those that do not qualify.
 */
@IntegrationTest
class BatchTests {

	@Autowired
	NamingBatches batches;

	@Autowired
	NamingService namings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void users() {
		NamingFixtures.users(jdbc);
		NamingFixtures.signIn(users, NamingFixtures.PREFECTURE_ADMIN);
	}

	@AfterEach
	void signOut() {
		NamingFixtures.signOut();
	}

	@Test
	void theConfirmationShowsTheCountAndTheCommitNamesAllAsOneAction() throws Exception {
		var townships = List.of(NamingFixtures.freshTownship(jdbc, "513201"), NamingFixtures.freshTownship(jdbc, "513221"));
		long studio = NamingFixtures.unit(jdbc, NamingFixtures.freshTownship(jdbc, "513201"), "命名测试工作室");
		signIn(users, PREFECTURE_ADMIN);
		var application = namings.file(NamingFixtures.application("R:" + NamingFixtures.freshTownship(jdbc, "513221"), "阿坝州示范乡镇",
				NamingLevel.PREFECTURE, null));
		int number = nextNumber();
		var keys = List.of("R:" + townships.get(0), "R:" + townships.get(1), "U:" + studio, "A:" + application.getId());
		var form = form(number, keys);

		var confirmation = mvc.perform(post("/naming-batches/preview").with(csrf())
			.with(user(users.loadUserByUsername(PREFECTURE_ADMIN)))
			.params(parameters(form))).andReturn().getResponse();
		assertThat(confirmation.getStatus()).isEqualTo(200);
		assertThat(confirmation.getContentAsString()).contains("共 4 个命名对象").contains("命名测试工作室")
			.contains("确认命名 4 个").doesNotContain("不符合命名条件");
		assertThat(jdbc.queryForObject("select count(*) from naming_batch where year = 2026 and number = ? and issuer_region_code = '5132'",
				Long.class, number)).as("nothing written before the commit").isZero();

		signIn(users, PREFECTURE_ADMIN);
		long auditBefore = audits();
		var batch = batches.commit(form);
		var named = jdbc.queryForList("select state from naming where batch_id = ?", String.class, batch.getId());
		assertThat(named).hasSize(4).containsOnly("VALID");
		assertThat(jdbc.queryForObject("select count(*) from naming where batch_id = ? and decision_number = '阿民宗〔2026〕20号'",
				Long.class, batch.getId())).isEqualTo(4);
		assertThat(namings.get(application.getId()).getBatchId()).isEqualTo(batch.getId());
		assertThat(jdbc.queryForObject("select count(*) from naming_event e join naming n on n.id = e.naming_id "
				+ "where n.batch_id = ? and e.action = 'NAME'", Long.class, batch.getId())).isEqualTo(4);
		assertThat(audits() - auditBefore).as("one audited action").isEqualTo(1);
		assertThat(jdbc.queryForObject("select summary from audit_event where entity_type = 'NamingBatch' and entity_id = ?",
				String.class, String.valueOf(batch.getId()))).contains("命名 4 个");
	}

	@Test
	void oneHolderThatDoesNotQualifyRefusesTheWholeBatch() throws Exception {
		var free = NamingFixtures.freshTownship(jdbc, "513201");
		var holding = NamingFixtures.freshTownship(jdbc, "513201");
		NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + holding, "阿坝州示范乡镇（批次）", NamingLevel.PREFECTURE,
				namings.today());
		int number = nextNumber();
		var form = form(number, List.of("R:" + free, "R:" + holding));
		var preview = batches.preview(form);
		assertThat(preview.count()).isEqualTo(2);
		assertThat(preview.failures()).extracting(NamingBatches.Candidate::key).containsExactly("R:" + holding);
		assertThat(preview.failures().get(0).failure()).isEqualTo("该对象已持有或正在申报同一称号。");

		assertThatThrownBy(() -> batches.commit(form)).isInstanceOf(NamingBatches.BatchRefusedException.class)
			.hasMessage("naming.batch.refused");
		assertThat(jdbc.queryForObject("select count(*) from naming where holder_region_code = ?", Long.class, free))
			.as("none named").isZero();
		assertThat(jdbc.queryForObject("select count(*) from naming_batch where year = 2026 and number = ? and issuer_region_code = '5132'",
				Long.class, number)).isZero();

		var page = mvc.perform(post("/naming-batches").with(csrf())
			.with(user(users.loadUserByUsername(PREFECTURE_ADMIN)))
			.params(parameters(form(number, List.of("R:" + free, "R:" + holding))))).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(422);
		assertThat(page.getContentAsString()).contains("1 个对象不符合命名条件（共 2 个），整批未命名")
			.contains("该对象已持有或正在申报同一称号");
	}

	@Test
	void aTitleStoredLiveIsHeldWhateverTheDecisionsDate() {
		var holding = NamingFixtures.freshTownship(jdbc, "513201");
		var today = namings.today();
		NamingFixtures.named(namings, users, PREFECTURE_ADMIN, "R:" + holding, "阿坝州示范乡镇（批次）", NamingLevel.PREFECTURE, today);
		// A decision dated the day before the title it would repeat was named.
		var form = new BatchForm(UUID.randomUUID(), "阿坝州示范乡镇（批次）", NamingLevel.PREFECTURE, 2026, nextNumber(),
				"阿民宗〔2026〕21号", today.minusDays(1).toString(), List.of("R:" + holding));
		assertThat(batches.preview(form).failures()).extracting(NamingBatches.Candidate::failure)
			.containsExactly("该对象已持有或正在申报同一称号。");
		assertThatThrownBy(() -> batches.commit(form)).isInstanceOf(NamingBatches.BatchRefusedException.class);
	}

	@Test
	void anApplicationIsNotNamedByADecisionDatedBeforeIt() {
		var application = namings.file(NamingFixtures.application("R:" + NamingFixtures.freshTownship(jdbc, "513221"),
				"阿坝州示范乡镇", NamingLevel.PREFECTURE, null));
		var form = new BatchForm(UUID.randomUUID(), "阿坝州示范乡镇", NamingLevel.PREFECTURE, 2026, nextNumber(), "阿民宗〔2026〕22号",
				namings.today().minusDays(1).toString(), List.of("A:" + application.getId()));
		assertThat(batches.preview(form).failures()).extracting(NamingBatches.Candidate::failure)
			.containsExactly("命名日期不能早于申报日期。");
		assertThatThrownBy(() -> batches.commit(form)).isInstanceOf(NamingBatches.BatchRefusedException.class);
		assertThat(namings.get(application.getId()).getState()).isEqualTo(NamingState.APPLIED);
	}

	private BatchForm form(int number, List<String> keys) {
		return new BatchForm(UUID.randomUUID(), "阿坝州示范乡镇（批次）", NamingLevel.PREFECTURE, 2026, number, "阿民宗〔2026〕20号",
				namings.today().toString(), keys);
	}

	private static org.springframework.util.MultiValueMap<String, String> parameters(BatchForm form) {
		var parameters = new org.springframework.util.LinkedMultiValueMap<String, String>();
		parameters.add("submission", form.submission().toString());
		parameters.add("title", form.title());
		parameters.add("level", form.level().name());
		parameters.add("year", String.valueOf(form.year()));
		parameters.add("number", String.valueOf(form.number()));
		parameters.add("decisionNumber", form.decisionNumber());
		parameters.add("decidedOn", form.decidedOn());
		form.chosen().forEach(key -> parameters.add("holders", key));
		return parameters;
	}

	private int nextNumber() {
		return jdbc.queryForObject("select coalesce(max(number), 100) + 1 from naming_batch where issuer_region_code = '5132'",
				Integer.class);
	}

	private long audits() {
		return jdbc.queryForObject("select count(*) from audit_event where entity_type in ('Naming', 'NamingBatch')", Long.class);
	}

}
