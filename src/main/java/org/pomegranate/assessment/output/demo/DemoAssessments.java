package org.pomegranate.assessment.output.demo;

import java.time.Clock;

import org.pomegranate.assessment.workflow.AssessmentDrafts;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo assessments on 示范县测评指标（演示） for counties of 甘孜州, so that the overview, the reports
 * and the comparison show something: a draft (丹巴县, this year, partly self-scored), last year's
 * submitted (九龙县), under review (甘孜县), evaluated (雅江县) and confirmed ones (炉霍县 short of the
 * pass mark; 道孚县 passing, with the two years before it for the year-over-year line), and this
 * year's 复查 of 泸定县 submitted, whose ledgers hold demo households, pairings and petitions, so
 * that the lists behind its frozen figures are full. 康定市, whose assessments the tests make, is
 * left alone (the tests make 泸定县's of other years and purposes). Scores are generated in SQL
 * ({@link #score}, shared with the benchmark), the totals added up as {@code Tally} does; the
 * submitted ones get their figures and the lists behind them frozen as a submission freezes
 * them ({@link AssessmentDrafts#freezeLoaded}), so that {@code gz_reviewer} reads real lists.
 * Loaded once.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(5)
public class DemoAssessments implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);

	/** Who made the demo assessments: what the loader looks for, and what a reload would clear. */
	static final String AUTHOR = "demo";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final AssessmentDrafts drafts;

	DemoAssessments(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, AssessmentDrafts drafts) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.drafts = drafts;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from assessment where created_by = '" + AUTHOR + "'", transaction,
				() -> {
					long start = System.nanoTime();
					var framework = jdbc.queryForList("""
							select id from indicator_framework where name = '示范县测评指标（演示）' and state = 'PUBLISHED'
							order by version_number desc limit 1""", Long.class);
					if (framework.isEmpty()) {
						return;
					}
					int year = ChinaTime.today(clock).getYear();
					int inserted = jdbc.update("""
							insert into assessment (framework_id, holder_kind, holder_region_code, holder_name, year, purpose, state,
							                        created_by)
							select ?, 'REGION', p.code, r.name, p.year, p.purpose, p.state, ?
							from (values ('513323', ?, 'DRAFT', 'SELF_CHECK'), ('513324', ?, 'SUBMITTED', 'SELF_CHECK'),
							             ('513328', ?, 'UNDER_REVIEW', 'SELF_CHECK'), ('513325', ?, 'EVALUATED', 'SELF_CHECK'),
							             ('513327', ?, 'CONFIRMED', 'SELF_CHECK'), ('513326', ?, 'CONFIRMED', 'SELF_CHECK'),
							             ('513326', ?, 'CONFIRMED', 'SELF_CHECK'), ('513326', ?, 'CONFIRMED', 'SELF_CHECK'),
							             ('513322', ?, 'SUBMITTED', 'RECHECK')) p(code, year, state, purpose)
							join region r on r.code = p.code""", framework.get(0), AUTHOR, year, year - 1, year - 1, year - 1,
							year - 1, year - 1, year - 2, year - 3, year);
					score(jdbc, AUTHOR);
					// A submission of this year is not dated later than today.
					jdbc.update("update assessment set submitted_at = least(submitted_at, now()) where created_by = ?", AUTHOR);
					assignReviewer();
					// Figures and the lists behind them, frozen as a submission freezes them (the reviewer's lists).
					long frozenFrom = System.nanoTime();
					var submitted = jdbc.queryForList(
							"select id from assessment where created_by = ? and state <> 'DRAFT' order by id", Long.class, AUTHOR);
					submitted.forEach(drafts::freezeLoaded);
					log.info("Demo assessments: {} on 示范县测评指标（演示） in {} ms ({} submitted with their figures and lists "
							+ "frozen in {} ms)", inserted, (System.nanoTime() - start) / 1_000_000, submitted.size(),
							(System.nanoTime() - frozenFrom) / 1_000_000);
				});
	}

	/**
	 * The demo reviewer works for an evaluating institution of 甘孜州 and holds assignments to the
	 * submitted and the under-review assessments (live) and to the evaluated one (ended), so that
	 * signing in as {@code gz_reviewer} shows work to do.
	 */
	private void assignReviewer() {
		jdbc.update("""
				insert into evaluating_institution (region_code, name, created_by)
				values ('5133', '四川民族学院民族团结进步评估中心（演示）', ?) on conflict do nothing""", AUTHOR);
		jdbc.update("""
				insert into institution_reviewer (user_name, institution_id)
				select 'gz_reviewer', id from evaluating_institution where name = '四川民族学院民族团结进步评估中心（演示）'
				  and exists (select 1 from user_account where username = 'gz_reviewer')
				on conflict do nothing""");
		jdbc.update("""
				insert into reviewer_assignment (assessment_id, user_name, institution_id, starts_on, ends_on, assigned_by, ended_at)
				select a.id, 'gz_reviewer', i.institution_id,
				       case when a.state = 'EVALUATED' then a.evaluated_on - 60 else current_date - 10 end,
				       case when a.state = 'EVALUATED' then a.evaluated_on else current_date + 60 end, 'gz_admin', null
				from assessment a join institution_reviewer i on i.user_name = 'gz_reviewer'
				where a.created_by = ? and a.state in ('SUBMITTED', 'UNDER_REVIEW', 'EVALUATED')""", AUTHOR);
	}

	/**
	 * Gives the assessments made by {@code author} (rows of {@code assessment} in their state, no
	 * score rows yet) a score row per scored node and scores for their state, then the totals and
	 * dates of that state. Deterministic: a holder and year lose half the points of a share of the
	 * articles (5–38 %, so some pass the mark of 90 and some do not); a draft leaves three articles
	 * in ten unscored; the evaluator takes half the points of a few more; under review, half the
	 * rows are evaluated. Bonus items are claimed now and then, penalties rarely, vetoes never.
	 */
	public static void score(JdbcTemplate jdbc, String author) {
		jdbc.update("""
				insert into assessment_score (assessment_id, node_id, self_score, self_note, evaluator_score, evaluator_note,
				                              evaluated_by, evaluated_at)
				select x.assessment_id, x.node_id, x.self,
				       case when x.self < x.points and x.level = 'ARTICLE' then '部分工作尚未完成，已列入整改。' end,
				       x.evaluator,
				       case when x.evaluator < x.points and x.level = 'ARTICLE' then '佐证材料不够完整，按评分细则扣分。' end,
				       case when x.evaluator is not null then 'gz_reviewer' end,
				       case when x.evaluator is not null then now() end
				from (select s.*,
				             case when s.state in ('EVALUATED', 'APPEALED', 'CONFIRMED') or (s.state = 'UNDER_REVIEW' and s.h < 50)
				                  then case s.level
				                           when 'ARTICLE' then case when s.h >= s.loss and s.h < s.loss + 8
				                                                    then round(s.points / 2, 1) else s.self end
				                           when 'BONUS' then case when s.h % 8 = 0 then s.self else 0 end
				                           else s.self end end as evaluator
				      from (select a.id as assessment_id, a.state, n.id as node_id, n.level, n.points, h.h, q.loss,
				                   case when a.state = 'DRAFT' and h.h >= 70 then null
				                        else case n.level
				                                 when 'ARTICLE' then case when h.h < q.loss then round(n.points / 2, 1) else n.points end
				                                 when 'BONUS' then case when h.h % 4 = 0 then n.points else 0 end
				                                 when 'PENALTY' then case when h.h % 10 = 0 then n.points else 0 end
				                                 else 0 end end as self
				            from assessment a
				            join indicator_node n on n.framework_id = a.framework_id and n.level not in ('CATEGORY', 'ITEM')
				            cross join lateral (select abs(hashtext(a.holder_region_code || a.year || n.code)) % 100 as h) h
				            cross join lateral (select 5 + 3 * (abs(hashtext(a.holder_region_code || a.year)) % 12) as loss) q
				            where a.created_by = ?
				              and not exists (select 1 from assessment_score e where e.assessment_id = a.id)) s) x""", author);
		jdbc.update("""
				update assessment a
				set submission_count = case when a.state = 'DRAFT' then 0 else 1 end,
				    submitted_at = case when a.state <> 'DRAFT' then make_date(a.year, 11, 20)::timestamptz end,
				    submitted_by = case when a.state <> 'DRAFT' then 'demo' end,
				    self_total = case when a.state <> 'DRAFT' then t.self end,
				    evaluated_on = case when a.state in ('EVALUATED', 'APPEALED', 'CONFIRMED') then least(make_date(a.year + 1, 1, 15), current_date) end,
				    appeal_until = case when a.state in ('EVALUATED', 'APPEALED', 'CONFIRMED')
				                        then least(make_date(a.year + 1, 1, 15), current_date) + f.appeal_days end,
				    evaluator_total = case when a.state in ('EVALUATED', 'APPEALED', 'CONFIRMED') then t.evaluator end,
				    report_text = case when a.state in ('EVALUATED', 'APPEALED', 'CONFIRMED')
				                       then a.holder_name || '民族团结进步创建工作组织有力、台账齐全，部分条目佐证材料不够完整，建议补充完善。' end,
				    report_by = case when a.state in ('EVALUATED', 'APPEALED', 'CONFIRMED') then 'gz_reviewer' end,
				    approvals = case when a.state = 'CONFIRMED' then 2 else 0 end,
				    confirmed_at = case when a.state = 'CONFIRMED' then make_date(a.year + 1, 2, 20)::timestamptz end,
				    adopted_total = case when a.state = 'CONFIRMED' then t.evaluator end,
				    vetoed = case when a.state = 'CONFIRMED' then t.vetoed end,
				    passed = case when a.state = 'CONFIRMED' then not t.vetoed and t.evaluator >= f.pass_mark end
				from indicator_framework f,
				     (select s.assessment_id,
				             greatest(0, coalesce(sum(least(s.self_score, n.points)) filter (where n.level = 'ARTICLE'), 0)
				                         + least(coalesce(sum(least(s.self_score, n.points)) filter (where n.level = 'BONUS'), 0),
				                                 coalesce(max(f.bonus_cap), 1000000))
				                         - least(coalesce(sum(least(s.self_score, n.points)) filter (where n.level = 'PENALTY'), 0),
				                                 coalesce(max(f.penalty_cap), 1000000))) as self,
				             greatest(0, coalesce(sum(least(s.evaluator_score, n.points)) filter (where n.level = 'ARTICLE'), 0)
				                         + least(coalesce(sum(least(s.evaluator_score, n.points)) filter (where n.level = 'BONUS'), 0),
				                                 coalesce(max(f.bonus_cap), 1000000))
				                         - least(coalesce(sum(least(s.evaluator_score, n.points)) filter (where n.level = 'PENALTY'), 0),
				                                 coalesce(max(f.penalty_cap), 1000000))) as evaluator,
				             coalesce(bool_or(n.level = 'VETO' and s.evaluator_score = 1), false) as vetoed
				      from assessment_score s
				      join indicator_node n on n.id = s.node_id
				      join indicator_framework f on f.id = n.framework_id
				      join assessment x on x.id = s.assessment_id and x.created_by = ?
				      group by s.assessment_id) t
				where t.assessment_id = a.id and f.id = a.framework_id and a.created_by = ?""", author, author);
	}

}
