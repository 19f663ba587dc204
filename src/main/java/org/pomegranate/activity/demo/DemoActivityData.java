package org.pomegranate.activity.demo;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
 * This year's activities of 甘孜州 exactly as seed 000 counts them — 6,492 宣传宣讲 sessions over the
 * townships and villages of its 18 counties, the 知识竞答 with 30,418 cadres, citizens and students
 * (3万余名) and its award ceremony in 康定, the exchange trip (交往交流交融) of 60 representatives of the
 * 18 counties and 海螺沟景区管理局 to 杭州 and 成都 — with a few hundred trainings, festivals,
 * sports days and seminars beside them; and seed 003's 10 sessions of 国家通用语言文字培训 for
 * floating ethnic-minority residents in 金牛区's communities, 496 people in all (近500人次).
 * <p>
 * Every session between the first of January and yesterday, spread by a fixed arithmetic rule
 * (no randomness: the figures are the same on every start); a publicity session in a township
 * is organised by its 石榴籽工作中心 where the unit demo has one. Generated in SQL, one statement per
 * kind, so that it loads in a fraction of a second; the tally triggers count it on the way in.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(6)
public class DemoActivityData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoActivityData.class);

	static final String PREFECTURE = "5133";

	static final String KANGDING = "513301";

	static final String JINNIU = "510106";

	static final int PUBLICITY_SESSIONS = 6_492;

	static final int QUIZ_PARTICIPANTS = 30_418;

	static final int EXCHANGE_REPRESENTATIVES = 60;

	static final int LANGUAGE_TRAININGS = 10;

	/**
	 * Sessions of a kind over the places of the prefecture: kind, count, titles (one per session in
	 * turn), fewest and most participants.
	 */
	private static final String SESSIONS = """
			insert into activity (kind, title, started_on, ended_on, region_code, place, unit_id, participants,
			                      cadre_participants, public_participants, student_participants, summary, created_by)
			select ?, titles[1 + i %% cardinality(titles)], day, day, place.code, place.name || ?,
			       (select u.id from campaign_unit u
			        where u.region_code = place.code and u.kind = 'WORK_CENTRE' and u.state = 'ACTIVE' order by u.id limit 1),
			       people, people / 10, people - people / 10 - people / 5, people / 5, null, 'demo'
			from (select string_to_array(?, '|') as titles) t,
			     (select array_agg(code order by code) as codes from region
			      where code like '%s%%' and level in ('TOWNSHIP', 'VILLAGE') and retired_at is null) places,
			     generate_series(1, ?) i,
			     lateral (select ?::date + (i * 7919) %% ? as day,
			                     ? + (i * 37) %% (? - ? + 1) as people,
			                     places.codes[1 + (i * 104729) %% cardinality(places.codes)] as code) s
			     join region place on place.code = s.code
			""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DemoActivityData(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		LoaderIdentity.loadOnce(jdbc, "select count(*) from activity", transaction, this::load);
	}

	private void load() {
		long start = System.nanoTime();
		var today = ChinaTime.today(clock);
		var first = today.withDayOfYear(1);
		// Up to yesterday (today on the first of January), so that each falls in this year.
		int days = (int) Math.max(1, ChronoUnit.DAYS.between(first, today));
		int rows = sessions("PUBLICITY", PUBLICITY_SESSIONS, "铸牢中华民族共同体意识宣讲|党的民族政策宣传宣讲|“四下基层”政策宣讲进村入户"
				+ "|民族团结进步创建宣讲|惠民政策和法律法规宣讲|“石榴籽”宣讲队巡回宣讲", "新时代文明实践站", first, days, 20, 120);
		rows += sessions("CULTURE_SPORTS", 180, "锅庄舞展演|民族团结篮球赛|农牧民运动会|“石榴籽”文艺汇演", "文化广场", first, days, 50, 400);
		rows += sessions("FESTIVAL", 72, "藏历新年联欢|春节各族群众联欢|中秋民族团结茶话会|跑马节民族团结活动", "文化广场", first, days, 100, 800);
		rows += sessions("SEMINAR", 150, "民族团结进步创建座谈会|困难诉求收集座谈|寺庙僧尼座谈|双语教育调研", "便民服务中心", first, days, 8, 30);
		rows += sessions("TRAINING", 90, "育籽员业务培训|双语干部培训|民族团结进步创建业务培训", "乡镇会议室", first, days, 20, 80);
		rows += quiz(first, days);
		rows += exchangeTrip(first, days);
		rows += languageTraining(first, days);
		jdbc.execute("analyze activity");
		log.info("Demo activity data: {} activities in {} ms", rows, (System.nanoTime() - start) / 1_000_000);
	}

	private int sessions(String kind, int count, String titles, String place, LocalDate first, int days, int fewest,
			int most) {
		return jdbc.update(SESSIONS.formatted(PREFECTURE), kind, place, titles, count, Date.valueOf(first), days, fewest,
				most, fewest);
	}

	/** The one quiz, online over six weeks from March, with its ceremony in 康定. */
	private int quiz(LocalDate first, int days) {
		var started = first.plusDays(Math.min(60, days - 1));
		var ended = earlier(started.plusDays(41), first.plusDays(days));
		int cadres = 8_216;
		int students = 9_272;
		return jdbc.update("""
				insert into activity (kind, title, started_on, ended_on, region_code, place, participants, cadre_participants,
				                      public_participants, student_participants, summary, created_by)
				values ('QUIZ', '“铸牢中华民族共同体意识 民族团结进家庭”知识竞答', ?, ?, ?, '线上竞答，康定颁奖', ?, ?, ?, ?,
				        '全州干部职工、群众和青少年学生参与竞答，并在康定举行了隆重的颁奖仪式，社会反响良好。', 'demo')
				""", Date.valueOf(started), Date.valueOf(ended), KANGDING, QUIZ_PARTICIPANTS, cadres,
				QUIZ_PARTICIPANTS - cadres - students, students);
	}

	/** The trip of the 18 counties' and 海螺沟景区管理局's representatives, recorded where the prefecture sits. */
	private int exchangeTrip(LocalDate first, int days) {
		var started = first.plusDays(Math.min(150, days - 1));
		return jdbc.update("""
				insert into activity (kind, title, started_on, ended_on, region_code, place, destination, participants,
				                      cadre_participants, public_participants, summary, created_by)
				values ('EXCHANGE', '优秀石榴籽工作室和民族团结进步示范家庭代表赴杭州、成都交往交流交融', ?, ?, ?, '杭州市、成都市',
				        '杭州、成都', ?, 24, 36,
				        '组织全州18个县（市）、海螺沟景区管理局60名优秀石榴籽工作室和民族团结进步示范家庭代表前往杭州、成都等地开展交往交流交融活动。',
				        'demo')
				""", Date.valueOf(started), Date.valueOf(earlier(started.plusDays(6), first.plusDays(days))), KANGDING,
				EXCHANGE_REPRESENTATIVES);
	}

	private static LocalDate earlier(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	/** Seed 003: 10 sessions in 金牛区's communities, 496 people (近500人次). */
	private int languageTraining(LocalDate first, int days) {
		return jdbc.update("""
				insert into activity (kind, title, started_on, ended_on, region_code, place, participants, public_participants,
				                      summary, created_by)
				select 'TRAINING', '少数民族流动人员国家通用语言文字培训（第' || i || '期）', ?::date + (i * 29) % ?, ?::date + (i * 29) % ?,
				       t.code, t.name || '民族工作服务站', case when i <= 6 then 50 else 49 end, case when i <= 6 then 50 else 49 end,
				       '率先在社区开展少数民族流动人员国家通用语言文字培训试点。', 'demo'
				from generate_series(1, ?) i
				     join lateral (select code, name from region where parent_code = ? and retired_at is null
				                   order by code offset (i - 1) % 5 limit 1) t on true
				""", Date.valueOf(first), days, Date.valueOf(first), days, LANGUAGE_TRAININGS, JINNIU);
	}

}
