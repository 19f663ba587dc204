package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.dashboard.Statistics;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.supervision.inspection.RectificationState;
import org.pomegranate.supervision.inspection.Rectifications;
import org.pomegranate.supervision.notice.NoticeDrafts;
import org.pomegranate.supervision.notice.NoticeForms.NoticeForm;
import org.pomegranate.supervision.notice.NoticeForms.RetractForm;
import org.pomegranate.supervision.notice.NoticeKind;
import org.pomegranate.supervision.notice.NoticeState;
import org.pomegranate.supervision.notice.Notices;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A notice drafted from the figures proposes exactly the regions the dashboard's ranking flags as
 * weakest; the four-eyes loop through the service: the drafter does not approve, a second admin
 * does, publishing a criticism orders each target's rectification, which the county sees; a
 * draft is not seen below, a retracted notice stays seen and marked.
 */
@IntegrationTest
class NoticeDraftTests {

	@Autowired
	NoticeDrafts drafts;

	@Autowired
	Notices notices;

	@Autowired
	Rectifications rectifications;

	@Autowired
	Statistics statistics;

	@Autowired
	UserDetailsService users;

	@Autowired
	Clock clock;

	@AfterEach
	void signOut() {
		SupervisionSignIn.out();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void aCriticismProposesTheRankingsWeakest() {
		SupervisionSignIn.as(users, "gz_admin");
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		var today = ChinaTime.today(clock);
		var period = Period.month(YearMonth.from(today));
		var ranking = statistics.ranking(new FigureQuery("5133", period, null, false, today));
		var offered = drafts.offeredKeys(period);
		assertThat(offered).contains("figure.rectifications.overdue", "figure.pairing.coverage", "figure.petitions.overdue");
		for (var key : offered) {
			var weakest = ranking.rows().stream().filter(row -> row.weakest().contains(key)).map(row -> row.regionCode()).sorted().toList();
			var proposed = drafts.propose(NoticeKind.CRITICISM, key, period)
				.targets()
				.stream()
				.map(NoticeDrafts.Candidate::regionCode)
				.sorted()
				.toList();
			assertThat(proposed).as(key).isEqualTo(weakest);
		}
		// 甘孜州's demo: overdue rectifications in 丹巴县, 甘孜县 (findings) and 色达县 (the criticism).
		var overdue = drafts.propose(NoticeKind.CRITICISM, "figure.rectifications.overdue", period);
		assertThat(overdue.targets().stream().map(NoticeDrafts.Candidate::regionName))
			.containsExactlyInAnyOrder("丹巴县", "甘孜县", "色达县");
		assertThat(overdue.body()).contains("丹巴县").contains("逾期整改");
		assertThat(overdue.targetCodes()).containsExactlyInAnyOrder("513323", "513328", "513333");
		// A praise proposes from the other end, none tied with the worst.
		var praise = drafts.propose(NoticeKind.PRAISE, "figure.pairing.coverage", period);
		assertThat(praise.targets()).isNotEmpty().allSatisfy(c -> assertThat(weakestOf(ranking, "figure.pairing.coverage"))
			.doesNotContain(c.regionCode()));
		assertThatThrownBy(() -> drafts.propose(NoticeKind.CRITICISM, "figure.visits", period))
			.hasMessage("notice.error.figure");
	}

	private static List<String> weakestOf(Statistics.Ranking ranking, String key) {
		return ranking.rows().stream().filter(row -> row.weakest().contains(key)).map(Statistics.RankingRow::regionCode).toList();
	}

	@Test
	void aSecondAdminApprovesAndAPublishedCriticismOrdersRectifications() {
		var today = ChinaTime.today(clock);
		SupervisionSignIn.as(users, "gz_admin");
		var form = new NoticeForm(UUID.randomUUID(), NoticeKind.CRITICISM, "甘民宗发〔2026〕99号", today.toString(),
				"关于对三县的通报批评", "正文", "figure.rectifications.overdue", today.plusDays(20).toString(),
				List.of("513301", "513322", "513323"), List.of(), List.of(), null);
		var notice = notices.draft(form);
		assertThat(notices.draft(form).getId()).as("the same form sent twice makes one notice").isEqualTo(notice.getId());
		assertThat(notice.getTargets()).hasSize(3);
		assertThatThrownBy(() -> notices.approve(notice.getId(), 0)).isInstanceOf(BusinessRuleException.class)
			.hasMessage("notice.refused.ownDraft");
		assertThatThrownBy(() -> notices.publish(notice.getId(), 0)).hasMessage("notice.refused.PUBLISH");

		SupervisionSignIn.as(users, "kd_staff");
		assertThatThrownBy(() -> notices.get(notice.getId())).as("a draft is not seen below")
			.isInstanceOf(RecordNotFoundException.class);

		SupervisionSignIn.as(users, "gz_admin2");
		var approved = notices.approve(notice.getId(), 0);
		assertThat(approved.getState()).isEqualTo(NoticeState.APPROVED);
		assertThat(approved.getApprovedBy()).isEqualTo("gz_admin2");
		SupervisionSignIn.as(users, "gz_admin");
		var published = notices.publish(notice.getId(), approved.getVersion());
		assertThat(published.getState()).isEqualTo(NoticeState.PUBLISHED);
		var ordered = notices.rectificationsOf(published);
		assertThat(ordered).hasSize(3).allSatisfy(r -> {
			assertThat(r.getState()).isEqualTo(RectificationState.OPEN);
			assertThat(r.getDueOn()).isEqualTo(today.plusDays(20));
			assertThat(r.getIssuingRegionCode()).isEqualTo("5133");
		});

		SupervisionSignIn.as(users, "kd_staff");
		assertThat(notices.get(notice.getId()).getState()).as("published: seen below").isEqualTo(NoticeState.PUBLISHED);
		assertThat(notices.rectificationsOf(published)).as("the county sees its own").hasSize(1);
		assertThat(rectifications.inbox().toReport()).anySatisfy(r -> assertThat(r.getNoticeId()).isEqualTo(notice.getId()));

		SupervisionSignIn.as(users, "gz_admin2");
		var retracted = notices.retract(notice.getId(), new RetractForm("数据有误", published.getVersion()));
		assertThat(retracted.isRetracted()).isTrue();
		SupervisionSignIn.as(users, "kd_staff");
		assertThat(notices.get(notice.getId()).isRetracted()).as("kept on record below, marked").isTrue();
	}

	@Test
	void aNoticeTargetsOnlyRegionsBelowInScope() {
		SupervisionSignIn.as(users, "kd_admin");
		var today = ChinaTime.today(clock);
		var form = new NoticeForm(UUID.randomUUID(), NoticeKind.CRITICISM, "康民宗发〔2026〕1号", today.toString(), "标题",
				"正文", null, today.plusDays(10).toString(), List.of("513322", "513301"), List.of(), List.of(), null);
		assertThatThrownBy(() -> notices.draft(form)).isInstanceOf(BusinessRuleException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("targetRegions",
					"notice.error.target"));
	}

}
