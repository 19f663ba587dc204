package org.pomegranate.supervision.inspection.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
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
 * 甘孜州's supervision as seed 000 tells it: a 专项督查 on the 24th of a month (20 to 50 days ago)
 * with eight findings in six counties, their rectifications in every state (verified, reported,
 * returned with a new deadline, overdue, still within the deadline); the 通报批评 of 3 counties for
 * poor progress, ordered to rectify by a deadline (two verified, one overdue); and the 通报表扬 of
 * the 10 先进典型 the unit demo named at the progress meeting, each target linked to its title.
 * Notices are drafted by gz_admin and approved by a second admin of the prefecture, gz_admin2,
 * made here through the account module (four eyes). A few dozen rows in plain inserts.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(8)
public class DemoInspectionData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoInspectionData.class);

	static final String PREFECTURE = "5133";

	/** The second admin of the prefecture, who approves what gz_admin drafts. */
	public static final String SECOND_ADMIN = "gz_admin2";

	/** Every demo user's password, as the account module's demo gives it (README). */
	private static final String DEMO_PASSWORD = "Shiliuzi-2024!";

	/** The counties publicly criticised for poor progress: 雅江县, 新龙县, 色达县. */
	static final String[] CRITICISED = { "513325", "513329", "513333" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final AccountService accounts;

	private final Clock clock;

	DemoInspectionData(JdbcTemplate jdbc, TransactionTemplate transaction, AccountService accounts, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from inspection", transaction, this::load);
	}

	/** The 24th on which the inspection took place: the latest one at least 20 days ago. */
	static LocalDate inspectionDay(LocalDate today) {
		var day = today.minusDays(20);
		return day.getDayOfMonth() >= 24 ? day.withDayOfMonth(24) : day.minusMonths(1).withDayOfMonth(24);
	}

	private void load() {
		long start = System.nanoTime();
		var today = ChinaTime.today(clock);
		if (accounts.enabledUser(SECOND_ADMIN).isEmpty()) {
			accounts.createInitial(SECOND_ADMIN, "州民宗委副主任", Role.ADMIN, PREFECTURE, DEMO_PASSWORD, false);
		}
		var day = inspectionDay(today);
		long inspection = jdbc.queryForObject("""
				insert into inspection (submission_token, region_code, kind, title, starts_on, ends_on, created_by)
				values (gen_random_uuid(), ?, 'SPECIAL', ?, ?, ?, 'gz_supervisor') returning id""", Long.class,
				PREFECTURE, "全州民族团结进步创建工作专项督查（" + day.getMonthValue() + "月）", Date.valueOf(day),
				Date.valueOf(day.plusDays(2)));
		jdbc.update("""
				insert into inspection_member (inspection_id, username, name)
				values (?, 'gz_supervisor', '州督导组'), (?, null, '李明（州委统战部）'), (?, null, '泽仁卓玛（州民宗委）')""",
				inspection, inspection, inspection);
		String[] counties = { "513322", "513323", "513324", "513326", "513328", "513334" };
		for (var county : counties) {
			jdbc.update("""
					insert into inspection_target (inspection_id, region_code, name)
					select ?, code, name from region where code = ?""", inspection, county);
		}
		// county, severity, what was found, state, due (days after the inspection; negative: days after today)
		Object[][] findings = {
				{ "513322", "MAJOR", "部分单位未对创建实施方案和任务清单进行传达学习，甚至有的单位连文件都没有处理。", "VERIFIED", 15 },
				{ "513323", "GRAVE", "创建工作台账缺失，指标佐证材料（文字、图片、记录）不全。", "OPEN", 7 },
				{ "513323", "MINOR", "乡镇宣传阵地内容陈旧，未及时更新民族团结进步宣传内容。", "REPORTED", 30 },
				{ "513324", "MAJOR", "结对认亲走访记录不全，部分干部未按要求入户。", "RETURNED", -10 },
				{ "513326", "MINOR", "部分石榴籽工作室规程、职责未上墙公示。", "VERIFIED", 30 },
				{ "513328", "GRAVE", "群众困难诉求办结后未按期回访评价。", "OPEN", 7 },
				{ "513334", "MINOR", "育籽员培训未按季度开展。", "OPEN", -5 },
				{ "513334", "MAJOR", "创建工作月报未按时报送。", "VERIFIED", 15 } };
		int verified = 0;
		for (var row : findings) {
			var county = (String) row[0];
			int due = (Integer) row[4];
			var dueOn = due < 0 ? today.plusDays(-due) : day.plusDays(due);
			long finding = jdbc.queryForObject("""
					insert into finding (inspection_id, region_code, responsible_name, description, severity, found_on, created_by)
					select ?, code, name, ?, ?, ?, 'gz_supervisor' from region where code = ? returning id""", Long.class,
					inspection, row[2], row[1], Date.valueOf(day), county);
			var state = (String) row[3];
			verified += state.equals("VERIFIED") ? 1 : 0;
			rectification("FINDING", finding, null, county, (String) row[2], (String) row[1], day, dueOn, state);
		}
		var notices = criticism(day, today) + praise(day);
		log.info("Demo supervision data: 1 inspection on {} with {} findings ({} verified), {} notices in {} ms", day,
				findings.length, verified, notices, (System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * A rectification in {@code state} with the steps that brought it there: reported 8 days after
	 * it was ordered, verified 2 days later; a returned one reported and sent back with its deadline.
	 */
	private void rectification(String source, @Nullable Long finding, @Nullable Long notice, String county,
			String subject, String severity, LocalDate openedOn, LocalDate dueOn, String state) {
		var reportedOn = openedOn.plusDays(8);
		var closedOn = state.equals("VERIFIED") ? openedOn.plusDays(10) : null;
		boolean reported = !state.equals("OPEN");
		long id = jdbc.queryForObject("""
				insert into rectification (source, finding_id, notice_id, region_code, region_above, responsible_name,
				                           issuing_region_code, subject, severity, opened_on, due_on, state, measures,
				                           reported_on, closed_on, returns)
				select ?, ?, ?, code, parent_code, name, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from region where code = ?
				returning id""", Long.class, source, finding, notice, PREFECTURE, subject, severity,
				Date.valueOf(openedOn), Date.valueOf(dueOn), state, reported ? "已召开专题会议研究部署，逐项整改并建立台账。" : null,
				reported ? Date.valueOf(reportedOn) : null, closedOn == null ? null : Date.valueOf(closedOn),
				state.equals("RETURNED") ? 1 : 0, county);
		step(id, county, "OPEN", null, "OPEN", "州督导组", openedOn, null, null);
		if (reported) {
			step(id, county, "REPORT", "OPEN", "REPORTED", "县民宗局", reportedOn, "已召开专题会议研究部署，逐项整改并建立台账。", null);
		}
		if (state.equals("VERIFIED")) {
			step(id, county, "PASS", "REPORTED", "VERIFIED", "州督导组", closedOn, "经复核，整改到位。", null);
		}
		if (state.equals("RETURNED")) {
			step(id, county, "FAIL", "REPORTED", "RETURNED", "州督导组", openedOn.plusDays(10), "走访记录仍不完整，请补齐后再报。", dueOn);
		}
	}

	private void step(long rectification, String county, String action, @Nullable String from, String to, String actor,
			@Nullable LocalDate on, @Nullable String comment, @Nullable LocalDate dueOn) {
		jdbc.update("""
				insert into rectification_step (rectification_id, region_code, action, from_state, to_state, actor_username,
				                                actor_name, acted_at, comment, due_on)
				values (?, ?, ?, ?, ?, 'demo', ?, (?::date + time '10:00') at time zone 'Asia/Shanghai', ?, ?)""",
				rectification, county, action, from, to, actor, on == null ? null : Date.valueOf(on), comment,
				dueOn == null ? null : Date.valueOf(dueOn));
	}

	/** 通报批评 of 3 counties, published 5 days after the inspection, to rectify within 10 days: two verified, one overdue. */
	private int criticism(LocalDate day, LocalDate today) {
		var published = day.plusDays(5);
		var rectifyBy = published.plusDays(10);
		var number = "甘民宗发〔" + published.getYear() + "〕21号";
		long notice = jdbc.queryForObject("""
				insert into notice (submission_token, region_code, kind, number, issued_on, title, body, figure_key, rectify_by,
				                    state, drafted_by, drafted_by_name, approved_by, approved_by_name, approved_at, published_on)
				values (gen_random_uuid(), ?, 'CRITICISM', ?, ?, ?, ?, 'figure.rectifications.overdue', ?, 'PUBLISHED',
				        'gz_admin', '州民宗委管理员', ?, '州民宗委副主任', now(), ?) returning id""", Long.class, PREFECTURE,
				number, Date.valueOf(published), "关于对雅江县、新龙县、色达县民族团结进步创建工作推进不力的通报批评",
				"""
						根据全州民族团结进步创建工作跟踪督查情况，雅江县、新龙县、色达县创建工作推进缓慢，任务清单签收办理滞后，\
						整改落实不到位。
						现对上述3县予以通报批评，请于限期内认真整改，并将整改情况报州民宗委。""",
				Date.valueOf(rectifyBy), SECOND_ADMIN, Date.valueOf(published));
		for (int i = 0; i < CRITICISED.length; i++) {
			jdbc.update("""
					insert into notice_target (notice_id, position, region_code, name)
					select ?, ?, code, name from region where code = ?""", notice, i, CRITICISED[i]);
			// 雅江县 and 新龙县 rectified; 色达县 is overdue.
			rectification("NOTICE", null, notice, CRITICISED[i], number + " 通报批评：创建工作推进不力，督促限期整改", "MAJOR",
					published, rectifyBy, i < 2 ? "VERIFIED" : "OPEN");
		}
		return 1;
	}

	/** 通报表扬 of the 10 先进典型 of the progress meeting, each linked to its title (授牌). */
	private int praise(LocalDate day) {
		var models = jdbc.queryForList("""
				select id from naming where title = '民族团结进步先进典型' and issuer_region_code = ? and state = 'VALID'
				order by id""", Long.class, PREFECTURE);
		if (models.isEmpty()) {
			return 0;
		}
		var namedOn = jdbc.queryForObject("select max(named_on) from naming where id = ?", java.sql.Date.class,
				models.get(0)).toLocalDate();
		var number = "甘委发〔" + namedOn.getYear() + "〕28号";
		long notice = jdbc.queryForObject("""
				insert into notice (submission_token, region_code, kind, number, issued_on, title, body, state, drafted_by,
				                    drafted_by_name, approved_by, approved_by_name, approved_at, published_on)
				values (gen_random_uuid(), ?, 'PRAISE', ?, ?, ?, ?, 'PUBLISHED', 'gz_admin', '州民宗委管理员', ?, '州民宗委副主任',
				        now(), ?) returning id""", Long.class, PREFECTURE, number, Date.valueOf(namedOn),
				"关于表扬全州民族团结进步创建工作先进典型的通报",
				"""
						在全州民族团结进步创建工作推进会上，对创建工作中涌现出的10个先进典型予以通报表扬并授牌。
						希望受表扬的单位和家庭珍惜荣誉、再接再厉，发挥示范带动作用。""",
				SECOND_ADMIN, Date.valueOf(namedOn));
		jdbc.update("""
				insert into notice_target (notice_id, position, region_code, unit_id, naming_id, name)
				select ?, row_number() over (order by id) - 1, holder_region_code, unit_id, id, holder_name
				from naming where id = any (?)""", notice, models.toArray(new Long[0]));
		return 1;
	}

}
