package org.pomegranate.assessment.holder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KANGDING;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_STAFF;
import static org.pomegranate.assessment.holder.AssessmentFixtures.KD_SUPERVISOR;
import static org.pomegranate.assessment.holder.AssessmentFixtures.LC_STAFF;
import static org.pomegranate.assessment.holder.AssessmentFixtures.LD_STAFF;
import static org.pomegranate.assessment.holder.AssessmentFixtures.newAssessment;
import static org.pomegranate.assessment.holder.AssessmentFixtures.score;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.LiveMetric;
import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.AssessmentState;
import org.pomegranate.assessment.workflow.Purpose;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The holder's side through the services as 康定市's staff would take it: starting an assessment
 * (one per holder, year and purpose, the holder of the framework's level and in scope), self
 * scores as each scoring method allows them, a live figure's proposal and the reason to differ,
 * submission (every node scored; figures frozen, so a petition recorded afterwards changes the
 * live figure but not the submitted one), withdrawal, stale forms, and the 404 of another county.
 */
@IntegrationTest
class AssessmentDraftsTests {

	@Autowired
	AssessmentDrafts drafts;

	@Autowired
	AssessmentSheets sheets;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	java.time.Clock clock;

	long framework;

	int year;

	@BeforeEach
	void signIn() {
		AssessmentFixtures.users(jdbc);
		AssessmentFixtures.clear(jdbc);
		framework = AssessmentFixtures.demoCountyFramework(jdbc);
		year = ChinaTime.today(clock).getYear();
		AssessmentFixtures.signIn(users, KD_STAFF);
	}

	@AfterEach
	void signOut() {
		AssessmentFixtures.signOut();
		AssessmentFixtures.clear(jdbc);
	}

	@Test
	void aCountyStartsOneAssessmentPerYearAndPurposeWithARowPerScoredNode() {
		var form = newAssessment(framework, year, Purpose.APPLICATION);
		var assessment = drafts.create(form);
		assertThat(assessment.getHolderRegionCode()).isEqualTo(KANGDING);
		assertThat(assessment.getHolderName()).isEqualTo("康定市");
		assertThat(assessment.getState()).isEqualTo(AssessmentState.DRAFT);
		// 58 articles, 4 bonus items, 2 penalty items and 2 veto items.
		assertThat(jdbc.queryForObject("select count(*) from assessment_score where assessment_id = ?", Long.class,
				assessment.getId())).isEqualTo(66);
		// The same form sent twice makes one assessment.
		assertThat(drafts.create(form).getId()).isEqualTo(assessment.getId());
		assertThatThrownBy(() -> drafts.create(newAssessment(framework, year, Purpose.APPLICATION)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsExactly(Map.entry("year", "assessment.new.duplicate")));
		assertThat(drafts.create(newAssessment(framework, year, Purpose.SELF_CHECK)).getId()).isNotEqualTo(assessment.getId());
		assertThat(jdbc.queryForObject("select count(*) from assessment where holder_region_code = ? and created_by = ?",
				Long.class, KANGDING, KD_STAFF)).isEqualTo(2);
	}

	@Test
	void theHolderMustBeOfTheFrameworksLevelAndInScopeAndOnlyTheHoldersPeopleStartOne() {
		assertThatThrownBy(() -> drafts.create(newAssessment(framework, "513322", year)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("regionCode", "assessment.new.region"));
		AssessmentFixtures.signIn(users, LC_STAFF);
		assertThatThrownBy(() -> drafts.create(newAssessment(framework, year, Purpose.APPLICATION)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("regionCode", "assessment.new.regionLevel"));
		AssessmentFixtures.signIn(users, KD_SUPERVISOR);
		assertThat(drafts.mayCreate()).isFalse();
		assertThatThrownBy(() -> drafts.create(newAssessment(framework, year, Purpose.APPLICATION)))
			.isInstanceOf(BusinessRuleException.class).hasMessage("assessment.refused.role");
		assertThat(jdbc.queryForObject("select count(*) from assessment where created_by like 'as\\_%'", Long.class)).isZero();
	}

	@Test
	void aSelfScoreIsWhatTheArticlesMethodAllowsAndDifferingFromTheLiveProposalNeedsAReason() {
		var id = drafts.create(newAssessment(framework, year, Purpose.APPLICATION)).getId();
		var sheet = sheets.sheet(id);
		var deduction = node(sheet, "4.1.2");
		var veto = node(sheet, "F1");
		var coverage = node(sheet, "4.1.1");
		assertThat(deduction.getMetric()).isEqualTo(LiveMetric.OVERDUE_VISITS);
		// Points less a whole number of 0.2 deductions only; a veto item is hit (1) or not (0).
		assertThatThrownBy(() -> drafts.scoreSelf(id, veto.getId(), score("2", version(id))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("score", "assessment.score.notAllowed"));
		assertThatThrownBy(() -> drafts.scoreSelf(id, deduction.getId(), score("-1", version(id))))
			.isInstanceOf(InvalidInputException.class);

		var proposed = Objects.requireNonNull(sheet.row(coverage).figure()).proposed();
		assertThat(proposed).isNotNull();
		var other = proposed.signum() == 0 ? coverage.getPoints() : BigDecimal.ZERO;
		assertThatThrownBy(() -> drafts.scoreSelf(id, coverage.getId(), score(other.toPlainString(), version(id))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).containsEntry("override", "assessment.score.overrideReason"));
		drafts.scoreSelf(id, coverage.getId(), score(proposed.toPlainString(), version(id)));
		drafts.scoreSelf(id, coverage.getId(), score(other.toPlainString(), "台账外另有 3 户已结对", version(id)));
		var row = sheets.sheet(id).row(coverage);
		assertThat(row.score().getSelfScore()).isEqualByComparingTo(other);
		assertThat(row.score().getMetricOverride()).isEqualTo("台账外另有 3 户已结对");
		assertThat(row.score().getSelfNote()).isEqualTo("自评说明");
		drafts.scoreSelf(id, veto.getId(), score("1", version(id)));
		var tally = sheets.sheet(id).self();
		assertThat(tally.vetoed()).isTrue();
		assertThat(tally.passed()).isFalse();
		assertThat(tally.vetoesHit()).extracting(IndicatorNode::getCode).containsExactly("F1");
	}

	@Test
	void submittingNeedsEveryScoreThenFreezesTheFiguresSoLaterPetitionsDoNotChangeWhatWasSubmitted() {
		var id = drafts.create(newAssessment(framework, year, Purpose.APPLICATION)).getId();
		var resolution = node(sheets.sheet(id), "5.2.2");
		assertThatThrownBy(() -> drafts.submit(id, version(id))).hasMessage("assessment.refused.unscored");

		var sum = AssessmentFixtures.scoreEverything(drafts, sheets.sheet(id), () -> version(id));
		var draft = sheets.sheet(id);
		assertThat(draft.self().total()).isEqualByComparingTo(sum);
		assertThat(draft.self().unscored()).isZero();
		var liveBefore = Objects.requireNonNull(draft.row(resolution).figure());
		assertThat(liveBefore.frozen()).isFalse();

		drafts.submit(id, version(id));
		var submitted = sheets.sheet(id);
		assertThat(submitted.assessment().getState()).isEqualTo(AssessmentState.SUBMITTED);
		assertThat(submitted.assessment().getSelfTotal()).isEqualByComparingTo(sum);
		assertThat(submitted.assessment().getSubmissionCount()).isEqualTo(1);
		assertThat(submitted.may().edit()).isFalse();
		assertThat(submitted.rows().values()).noneMatch(AssessmentSheet.Row::editable);
		var frozen = Objects.requireNonNull(submitted.row(resolution).figure());
		assertThat(frozen.frozen()).isTrue();
		assertThat(frozen.text()).isEqualTo(liveBefore.text());
		assertThat(frozen.definition()).startsWith("诉求化解率：");
		assertThat(jdbc.queryForObject("select count(*) from assessment_score where assessment_id = ? and metric_frozen_at is not null",
				Long.class, id)).isEqualTo(8);

		// A petition of the year recorded after the submission: the live rate moves, the submitted one does not.
		copyAnOpenPetitionOfTheYear();
		AssessmentFixtures.signIn(users, KD_STAFF);
		var editableAgain = drafts.create(newAssessment(framework, year, Purpose.RECHECK)).getId();
		var live = Objects.requireNonNull(sheets.sheet(editableAgain).row(node(sheets.sheet(editableAgain), "5.2.2")).figure());
		assertThat(live.value()).isNotEqualTo(liveBefore.value());
		assertThat(Objects.requireNonNull(sheets.sheet(id).row(resolution).figure()).text()).isEqualTo(liveBefore.text());

		assertThatThrownBy(() -> drafts.scoreSelf(id, resolution.getId(), score("1", version(id))))
			.hasMessage("assessment.refused.state");
		drafts.withdraw(id, version(id));
		assertThat(sheets.sheet(id).assessment().getState()).isEqualTo(AssessmentState.DRAFT);
	}

	@Test
	void aStaleFormIsRefusedAndAnotherCountysAssessmentAnswersAsAMissingOne() {
		var id = drafts.create(newAssessment(framework, year, Purpose.APPLICATION)).getId();
		var article = node(sheets.sheet(id), "1.1.1");
		long opened = version(id);
		drafts.scoreSelf(id, article.getId(), score(article.getPoints().toPlainString(), opened));
		assertThatThrownBy(() -> drafts.scoreSelf(id, article.getId(), score("0", opened)))
			.isInstanceOf(OptimisticLockingFailureException.class);

		AssessmentFixtures.signIn(users, LD_STAFF);
		assertThatThrownBy(() -> sheets.sheet(id)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> sheets.sheet(Long.MAX_VALUE)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> drafts.scoreSelf(id, article.getId(), score("0", version(id))))
			.isInstanceOf(RecordNotFoundException.class);
	}

	/** A new open petition in a village of 康定市, received today: collected rises, resolved does not. */
	private void copyAnOpenPetitionOfTheYear() {
		var columns = String.join(", ", jdbc.queryForList("""
				select column_name from information_schema.columns
				where table_name = 'petition' and column_name not in ('id', 'number', 'submission_token', 'state', 'outcome',
				  'rating', 'closed_on', 'received_on', 'backlog', 'backlog_marked_on', 'backlog_target_on', 'reopen_count',
				  'created_at', 'updated_at', 'version')""", String.class));
		jdbc.update("insert into petition (" + columns + ", number, submission_token, state, received_on) select " + columns
				+ ", 'T' || substr(md5(random()::text), 1, 12), gen_random_uuid(), 'REGISTERED', current_date "
				+ "from petition where region_code like ? limit 1", KANGDING + "%");
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
	}

	private static IndicatorNode node(AssessmentSheet sheet, String code) {
		return sheet.rows().values().stream().map(AssessmentSheet.Row::node).filter(n -> n.getCode().equals(code))
			.findFirst().orElseThrow();
	}

}
