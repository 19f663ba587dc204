package org.pomegranate.supervision.demo.task;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;

import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.supervision.task.TaskGeneration;
import org.pomegranate.supervision.task.TaskIssuing;
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
 * 甘孜州's implementation plan of the year (seed 001's 实施方案, issued early March, with its
 * document) and its task breakdown: the monthly 创建工作情况 list from March to each of the 18
 * counties (due on the 25th), a quarterly one on the 石榴籽 work network, and a one-off 自查自评 in
 * November. Past periods are mostly accepted on time, some late, a few still reported, returned,
 * acknowledged only or never acknowledged; the current month is part acknowledged, part waiting;
 * 康定市's last past month has an extension granted (so it is not overdue). Every state has its
 * timeline. Set-based SQL (one statement per kind of step), deterministic, loaded once.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(7)
public class DemoTaskData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTaskData.class);

	static final String PREFECTURE = "5133";

	/** The county whose latest past month has the one granted extension. */
	static final String EXTENDED_COUNTY = "513301";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final TaskGeneration generation;

	private final FileStore files;

	DemoTaskData(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, TaskGeneration generation,
			FileStore files) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.generation = generation;
		this.files = files;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from implementation_plan", transaction, this::load);
	}

	private void load() {
		long start = System.nanoTime();
		var today = ChinaTime.today(clock);
		// "From March": this year's March once it has come, else last year's.
		int year = today.getMonthValue() >= 3 ? today.getYear() : today.getYear() - 1;
		var issuedAt = Timestamp.from(LocalDate.of(year, 3, 10).atTime(LocalTime.of(9, 30)).atZone(ChinaTime.ZONE).toInstant());
		long plan = jdbc.queryForObject("""
				insert into implementation_plan (region_code, year, title, lead_office, summary, created_by, created_at)
				values (?, ?, ?, '州民宗委创建办', ?, 'demo', ?) returning id""", Long.class, PREFECTURE, year,
				"甘孜州" + year + "年民族团结进步创建工作实施方案",
				"一、指导思想和目标任务\n二、测评指标体系（7 大类 20 项 58 条）\n三、任务分解和责任分工\n四、督查督办和考核\n五、保障措施",
				Timestamp.from(LocalDate.of(year, 3, 2).atTime(LocalTime.of(10, 0)).atZone(ChinaTime.ZONE).toInstant()));
		files.store(TaskIssuing.PLAN_FILES, plan, PREFECTURE, Upload.of("实施方案.pdf", document(year)));
		long monthly = list(plan, "创建工作情况月报", "每月 25 日前报送本月创建工作开展情况、主要数据和下月安排，附佐证材料。",
				"州民宗委创建办", "MONTHLY", 25, LocalDate.of(year, 3, 1), null, issuedAt);
		long quarterly = list(plan, "石榴籽工作室活动开展情况", "每季度报送辖区石榴籽工作室、工作队开展活动和育籽员走访情况。",
				"州民宗委宣教科", "QUARTERLY", 28, LocalDate.of(year, 3, 1), null, issuedAt);
		long once = list(plan, "创建工作自查自评", "对照测评指标逐条自查，形成自评报告和佐证材料清单。", "州民宗委创建办", "ONCE", null,
				LocalDate.of(year, 11, 30), null, issuedAt);
		int made = 0;
		for (long list : new long[] { monthly, quarterly, once }) {
			made += generation.generate(list, today);
		}
		var now = Timestamp.from(clock.instant());
		// h: a fixed spread of outcomes over county × period.
		String spread = "(right(i.region_code, 2)::int * 7 + hashtext(i.period) % 20 + 40) % 20";
		// Past periods (due before today).
		jdbc.update("""
				update task_instance i set
				    state = case when h < 16 then 'ACCEPTED' when h = 16 then 'REPORTED' when h = 17 then 'RETURNED'
				                 when h = 18 then 'ACKNOWLEDGED' else 'PENDING' end,
				    acknowledged_at = case when h < 19 then i.opens_at + interval '5 hours' end,
				    reported_on = case when h < 14 then i.due_on - 2 when h < 16 then least(i.due_on + 3, ?::date)
				                       when h < 18 then i.due_on - 1 end,
				    accepted_on = case when h < 14 then least(i.due_on + 1, ?::date) when h < 16 then least(i.due_on + 5, ?::date) end,
				    report_text = case when h < 18 then '本期创建工作已按要求开展，开展宣讲、走访和结对活动，佐证材料已整理归档。' end,
				    figure_label = case when h < 18 then '宣讲场次' end,
				    figure_value = case when h < 18 then 10 + h end
				from (select id, %s as h from task_instance i where list_id in (?, ?, ?) and due_on < ?) s
				where i.id = s.id""".formatted(spread), today, today, today, monthly, quarterly, once, today);
		// The current periods (opened, due from today on).
		jdbc.update("""
				update task_instance i set
				    state = case when h < 10 then 'ACKNOWLEDGED' when h < 15 then 'REPORTED' else 'PENDING' end,
				    acknowledged_at = case when h < 15 then i.opens_at + interval '3 hours' end,
				    reported_on = case when h >= 10 and h < 15 then greatest(i.opens_at::date, least(i.opens_at::date + 2, ?::date)) end,
				    report_text = case when h >= 10 and h < 15 then '本期任务已完成，请审核。' end
				from (select id, %s as h from task_instance i where list_id in (?, ?, ?) and due_on >= ? and opens_at <= ?) s
				where i.id = s.id""".formatted(spread), today, monthly, quarterly, once, today, now);
		// 康定市's latest past month: acknowledged, asked for more time and granted it.
		jdbc.update("""
				update task_instance i set state = 'ACKNOWLEDGED', acknowledged_at = i.opens_at + interval '2 hours',
				    reported_on = null, accepted_on = null, report_text = null, figure_label = null, figure_value = null,
				    granted_due_on = ?::date + 10, extension_reason = '牧区冬季转场，部分乡镇材料汇总需延后。'
				where i.id = (select id from task_instance where list_id = ? and region_code = ? and due_on < ?
				              order by due_on desc limit 1)""", today, monthly, EXTENDED_COUNTY, today);
		timelines(monthly, quarterly, once);
		jdbc.execute("analyze task_instance, task_event");
		log.info("Demo task data: 1 plan, 3 lists, {} instances in {} ms", made, (System.nanoTime() - start) / 1_000_000);
	}

	private long list(long plan, String title, String description, String leadOffice, String recurrence, Integer dueDay,
			LocalDate firstDueOn, LocalDate untilOn, Timestamp issuedAt) {
		long id = jdbc.queryForObject("""
				insert into task_list (plan_id, issuer_region_code, title, description, lead_office, recurrence, due_day,
				                       first_due_on, until_on, issued_by, issued_by_name, issued_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo', '州民宗委管理员', ?) returning id""", Long.class, plan, PREFECTURE,
				title, description, leadOffice, recurrence, dueDay, firstDueOn, untilOn, issuedAt);
		jdbc.update("""
				insert into task_recipient (list_id, recipient_key, region_code, name)
				select ?, 'R:' || code, code, name from region where parent_code = ? and retired_at is null""", id, PREFECTURE);
		return id;
	}

	/** Each instance's steps after 下达, in the order they were taken. */
	private void timelines(long... lists) {
		var ids = new Long[lists.length];
		for (int i = 0; i < lists.length; i++) {
			ids[i] = lists[i];
		}
		var in = "i.list_id in (?, ?, ?)";
		jdbc.update("""
				insert into task_event (instance_id, region_code, action, from_state, to_state, actor_username, actor_name, occurred_at)
				select i.id, i.region_code, 'ACKNOWLEDGE', 'PENDING', 'ACKNOWLEDGED', 'demo', i.recipient_name || '填报员', i.acknowledged_at
				from task_instance i where %s and i.acknowledged_at is not null""".formatted(in), (Object[]) ids);
		jdbc.update("""
				insert into task_event (instance_id, region_code, action, from_state, to_state, actor_username, actor_name, comment,
				                        on_date, occurred_at)
				select i.id, i.region_code, 'REPORT', 'ACKNOWLEDGED', 'REPORTED', 'demo', i.recipient_name || '填报员', i.report_text,
				       i.reported_on, greatest(i.acknowledged_at + interval '1 hour', (i.reported_on + time '10:00') at time zone 'Asia/Shanghai')
				from task_instance i where %s and i.reported_on is not null""".formatted(in), (Object[]) ids);
		jdbc.update("""
				insert into task_event (instance_id, region_code, action, from_state, to_state, actor_username, actor_name, comment,
				                        occurred_at)
				select i.id, i.region_code, 'RETURN', 'REPORTED', 'RETURNED', 'demo', '州民宗委管理员',
				       '佐证材料不全，请补充活动照片和签到表后重新报送。',
				       greatest(i.acknowledged_at + interval '2 hours', (i.reported_on + time '16:00') at time zone 'Asia/Shanghai')
				from task_instance i where %s and i.state = 'RETURNED'""".formatted(in), (Object[]) ids);
		jdbc.update("""
				insert into task_event (instance_id, region_code, action, from_state, to_state, actor_username, actor_name, on_date,
				                        occurred_at)
				select i.id, i.region_code, 'ACCEPT', 'REPORTED', 'ACCEPTED', 'demo', '州民宗委管理员', i.accepted_on,
				       greatest(i.acknowledged_at + interval '3 hours', (i.accepted_on + time '11:00') at time zone 'Asia/Shanghai')
				from task_instance i where %s and i.state = 'ACCEPTED'""".formatted(in), (Object[]) ids);
		jdbc.update("""
				insert into task_event (instance_id, region_code, action, from_state, to_state, actor_username, actor_name, comment,
				                        on_date, occurred_at)
				select i.id, i.region_code, e.action, 'ACKNOWLEDGED', 'ACKNOWLEDGED', 'demo', e.actor, e.comment, e.on_date,
				       i.acknowledged_at + e.after
				from task_instance i
				cross join lateral (values
				    ('REQUEST_EXTENSION', i.recipient_name || '填报员', i.extension_reason, i.granted_due_on, interval '1 day'),
				    ('GRANT_EXTENSION', '州民宗委管理员', '同意延期。', i.granted_due_on, interval '1 day 3 hours'))
				    as e(action, actor, comment, on_date, after)
				where %s and i.granted_due_on is not null""".formatted(in), (Object[]) ids);
	}

	/** A one-page PDF naming the plan: enough for the file store's check and a reader. */
	private static byte[] document(int year) {
		var text = "%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
				+ "2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n"
				+ "3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\n"
				+ "% Ganzi " + year + " implementation plan\ntrailer <</Root 1 0 R>>\n%%EOF\n";
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
