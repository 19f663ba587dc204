package org.pomegranate.petition.demo;

import org.pomegranate.petition.loop.PetitionNumbers;
import org.pomegranate.petition.settings.PetitionCategory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.database.DemoDataCondition;
import org.pomegranate.shared.database.LoaderIdentity;
import org.pomegranate.account.AccountService;
import org.pomegranate.account.UserSummary;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.pairing.PairingDirectory.HouseholdSummary;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
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
 * A believable 甘孜州 ledger for the embedded demo database: departments of 康定市, 炉城街道, 泸定县
 * and the prefecture; a year of petitions from the demo villages in every state of the loop, most
 * resolved and rated, some overdue, some returned, reopened after a 不满意, marked as backlog cases
 * or escalated to the prefecture. Deterministic (fixed seed), loaded once.
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(2)
public class DemoPetitionData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPetitionData.class);

	/** 泸定县: its petitions are registered by its own staff, the others by Kangding's. */
	private static final RegionCode LUDING = RegionCode.of("513322");

	/** Townships whose villages raise petitions, and the county whose departments take them. */
	private static final String[][] TOWNSHIPS = { { "513301001", "513301" }, { "513301101", "513301" },
			{ "513301103", "513301" }, { "513322100", "513322" }, { "513322101", "513322" } };

	/** department name, region, handler (a demo STAFF account covering it). */
	private static final String[][] DEPARTMENTS = { { "康定市住房和城乡建设局", "513301", "kd_staff" },
			{ "康定市人力资源和社会保障局", "513301", "kd_staff" }, { "康定市卫生健康局", "513301", "kd_staff" },
			{ "康定市教育局", "513301", "kd_staff" }, { "康定市自然资源局", "513301", "kd_staff" },
			{ "康定市民政局", "513301", "kd_staff" }, { "炉城街道办事处", "513301001", "lc_staff" },
			{ "泸定县住房和城乡建设局", "513322", "ld_staff" }, { "泸定县人力资源和社会保障局", "513322", "ld_staff" },
			{ "泸定县民政局", "513322", "ld_staff" }, { "甘孜州信访局", "5133", null }, { "甘孜州住房和城乡建设局", "5133", null } };

	/** Matters by category, in the order of the categories as V10 creates them. */
	private static final String[][] MATTERS = {
			{ "希望推荐附近务工岗位", "公益性岗位工资发放咨询", "返乡青年创业贷款咨询" },
			{ "慢性病门诊报销比例咨询", "家中老人需要家庭医生上门随访", "大病救助申请" },
			{ "孩子到寄宿制学校的交通困难", "雨露计划补助申请", "学前教育资助咨询" },
			{ "房屋漏雨需要维修", "农房抗震改造补助申请", "危房鉴定申请" },
			{ "城乡居民养老保险缴费档次咨询", "残疾人两项补贴未到账", "低保申请" },
			{ "草场承包界线纠纷", "退耕还林补助发放情况", "林地确权登记" },
			{ "邻里宅基地边界纠纷", "家庭赡养纠纷请求调解", "牦牛跑入邻居草场引发纠纷" },
			{ "虫草采挖管理政策咨询", "惠民资金发放时间咨询", "产业奖补政策咨询" },
			{ "村道路面破损需要修补", "饮水管道冬季冻裂", "村口路灯损坏" },
			{ "冬季取暖用煤困难", "牦牛养殖缺少技术指导", "农机具维修困难" },
			{ "希望增设村级快递收发点", "广播电视信号弱" } };

	private static final String[] NAMES = { "泽仁拉姆", "扎西多吉", "格桑卓玛", "次仁邓珠", "洛绒翁姆", "王秀英", "李建国", "降央措姆",
			"尼玛丹增", "达瓦志玛", "杨德明", "罗春燕" };

	private static final String[] SOURCES = { "HOME_VISIT", "HOME_VISIT", "HOME_VISIT", "WALK_IN", "WALK_IN", "HOTLINE",
			"LETTER", "ONLINE", "TALK", "OTHER" };

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final PairingDirectory pairing;

	private final RegionService regions;

	private final AccountService accounts;

	DemoPetitionData(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock, PairingDirectory pairing,
			RegionService regions, AccountService accounts) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.clock = clock;
		this.pairing = pairing;
		this.regions = regions;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		// Households, villages and handlers come from their modules, read as the province's admin would.
		LoaderIdentity.loadOnce(jdbc, "select count(*) from petition", transaction, this::load);
	}

	private void load() {
		var random = new Random(2024_03_15L);
		var today = ChinaTime.today(clock);
		var departments = new ArrayList<Object[]>(); // id, region, handler username, handler name
		for (var department : DEPARTMENTS) {
			Long id = jdbc.queryForObject("insert into petition_department (name, region_code) values (?, ?) returning id",
					Long.class, department[0], department[1]);
			var handlerName = department[2] == null ? null
					: accounts.enabledUser(department[2]).map(UserSummary::displayName).orElse(null);
			departments.add(new Object[] { id, department[1], department[2], handlerName, department[0] });
		}
		var categories = jdbc.queryForList("select id from petition_category order by sort_order, id", Long.class);
		var counters = new HashMap<String, Integer>();
		var steps = new ArrayList<Object[]>();
		int count = 0;
		for (var township : TOWNSHIPS) {
			var households = pairing.householdsIn(township[0]);
			var villages = regions.activeChildren(township[0]).stream().limit(6).map(Region::getCode).toList();
			if (villages.isEmpty()) {
				continue;
			}
			var serving = departments.stream()
				.filter(d -> RegionCode.of((String) d[1]).covers(RegionCode.of(township[0])) && d[2] != null)
				.toList();
			int petitions = 55 + random.nextInt(20);
			for (int i = 0; i < petitions; i++) {
				count++;
				var received = today.minusDays(random.nextInt(365));
				int category = random.nextInt(categories.size());
				var matter = pick(random, MATTERS[Math.min(category, MATTERS.length - 1)]);
				HouseholdSummary household = households.isEmpty() || random.nextInt(10) < 4 ? null
						: households.get(random.nextInt(households.size()));
				var village = household != null ? household.regionCode() : pick(random, villages);
				var name = household != null ? household.headName() : pick(random, NAMES);
				var phone = household != null ? null : "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
				var county = township[1];
				int sequence = counters.merge(county + "-" + received.getYear(), 1, Integer::sum);
				var story = story(random, received, today, serving.get(random.nextInt(serving.size())));
				Long id = jdbc.queryForObject("""
						insert into petition (number, submission_token, source, household_id, petitioner_name, petitioner_phone,
						    region_code, category_id, title, description, urgency, received_on, state, outcome, rating,
						    department_id, handler_username, handler_name, push_region, escalated_to, accept_due_on, close_due_on,
						    first_pushed_on, first_accepted_on, closed_on, reopen_count, backlog, backlog_marked_on,
						    backlog_target_on, registered_by)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						returning id""", Long.class, PetitionNumbers.format(county, received.getYear(), sequence),
						UUID.randomUUID(), pick(random, SOURCES), household == null ? null : household.id(), name, phone,
						village, categories.get(category), matter, "群众反映：" + matter + "。", random.nextInt(12) == 0 ? "URGENT" : "NORMAL",
						Date.valueOf(received), story.state, story.outcome, story.rating, story.department, story.handler,
						story.handlerName, story.pushed == null ? null : county, story.escalatedTo,
						Date.valueOf(received.plusDays(PetitionCategory.DEFAULT_ACCEPT_DAYS)), Date.valueOf(story.closeDue),
						date(story.pushed), date(story.accepted), date(story.closed), story.reopened, story.backlogMarked != null,
						date(story.backlogMarked), story.backlogMarked == null ? null : Date.valueOf(story.backlogMarked.plusDays(60)),
						county.equals("513322") ? "ld_staff" : "kd_staff");
				for (var step : story.steps) {
					steps.add(new Object[] { id, village, step[0], step[1], step[2], step[3], step[4], step[5], step[6], step[7],
							step[8], step[9] });
				}
			}
		}
		jdbc.batchUpdate("""
				insert into petition_step (petition_id, region_code, action, from_state, to_state, actor_username, actor_name,
				                           acted_at, comment, department_name, handler_name, outcome)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", steps);
		counters.forEach((key, last) -> jdbc.update("""
				insert into petition_number (county, year, last) values (?, ?, ?)
				on conflict (county, year) do update set last = greatest(petition_number.last, excluded.last)""",
				key.substring(0, 6), Integer.parseInt(key.substring(7)), last));
		log.info("Demo petition data: {} departments, {} petitions, {} steps", departments.size(), count, steps.size());
	}

	/** Where one petition's loop has got to by today, and the steps that took it there. */
	private static final class Story {

		String state = "REGISTERED";

		@Nullable String outcome;

		@Nullable String rating;

		@Nullable Long department;

		@Nullable String handler;

		@Nullable String handlerName;

		@Nullable String escalatedTo;

		@Nullable LocalDate pushed;

		@Nullable LocalDate accepted;

		@Nullable LocalDate closed;

		@Nullable LocalDate backlogMarked;

		LocalDate closeDue;

		int reopened;

		final List<Object[]> steps = new ArrayList<>();

		Story(LocalDate closeDue) {
			this.closeDue = closeDue;
		}

		void step(String action, @Nullable String from, String to, String actor, String actorName, LocalDate on,
				@Nullable String comment, @Nullable String departmentName, @Nullable String handlerName,
				@Nullable String outcome) {
			steps.add(new Object[] { action, from, to, actor, actorName,
					Timestamp.from(on.atTime(9 + steps.size() % 8, 10 * (steps.size() % 6)).atZone(ChinaTime.ZONE).toInstant()),
					comment, departmentName, handlerName, outcome });
			this.state = to;
		}

	}

	private static Story story(Random random, LocalDate received, LocalDate today, Object[] department) {
		var story = new Story(received.plusDays(PetitionCategory.DEFAULT_CLOSE_DAYS));
		var registrar = LUDING.covers(RegionCode.of((String) department[1])) ? "ld_staff" : "kd_staff";
		var registrarName = registrar.equals("ld_staff") ? "泸定县填报员" : "康定市填报员";
		story.step("REGISTER", null, "REGISTERED", registrar, registrarName, received, null, null, null, null);
		long age = today.toEpochDay() - received.toEpochDay();
		int fate = random.nextInt(100);
		// The newest are still on their way; a few of the old ones stall and become overdue.
		if (age < 1 || fate < 2) {
			return story;
		}
		var handler = (String) department[2];
		var handlerName = (String) department[3];
		var departmentName = (String) department[4];
		var day = received.plusDays(random.nextInt(2));
		story.pushed = day;
		story.department = (Long) department[0];
		story.handler = handler;
		story.handlerName = handlerName;
		story.step("PUSH", "REGISTERED", "PUSHED", registrar, registrarName, day, null, departmentName, handlerName, null);
		if (age < 3 || fate < 4) {
			return story;
		}
		if (fate < 7) {
			story.step("RETURN", "PUSHED", "RETURNED", handler, handlerName, day.plusDays(1), "不属于本单位职责，请转相关部门。",
					null, null, null);
			story.department = null;
			story.handler = null;
			story.handlerName = null;
			return story;
		}
		day = day.plusDays(1 + random.nextInt(2));
		story.accepted = day;
		story.step("ACCEPT", "PUSHED", "ACCEPTED", handler, handlerName, day, null, null, null, null);
		if (age < 6 || fate < 12) {
			if (fate < 10 && age > 20) {
				story.step("PROGRESS", "ACCEPTED", "IN_PROGRESS", handler, handlerName, day.plusDays(2), "已联系相关股室，正在协调。",
						null, null, null);
			}
			markBacklog(random, story, received, today, fate);
			return story;
		}
		day = day.plusDays(2 + random.nextInt(3));
		story.step("PROGRESS", "ACCEPTED", "IN_PROGRESS", handler, handlerName, day, "已现场核实情况，正在办理。", null, null, null);
		day = day.plusDays(2 + random.nextInt(8));
		if (!day.isBefore(today)) {
			return story;
		}
		var outcome = fate < 17 ? "UNRESOLVABLE" : fate < 24 ? "POLICY" : "SOLVED";
		story.outcome = outcome;
		story.closed = day;
		story.step("CLOSE", "IN_PROGRESS", "CLOSED", handler, handlerName, day, switch (outcome) {
			case "UNRESOLVABLE" -> "涉及跨县资金和规划调整，本级无法解决，已上报州级。";
			case "POLICY" -> "已向群众当面解释相关政策和办理流程。";
			default -> "问题已解决，群众已确认。";
		}, null, null, outcome);
		if (outcome.equals("UNRESOLVABLE")) {
			story.escalatedTo = RegionCode.of((String) department[1]).parent().map(RegionCode::toString).orElse(null);
			markBacklog(random, story, received, today, fate);
			return story;
		}
		day = day.plusDays(1 + random.nextInt(3));
		if (!day.isBefore(today)) {
			return story;
		}
		if (fate < 29) {
			// 不满意: reopened to the handler, closed again, then rated.
			story.rating = "DISSATISFIED";
			story.reopened = 1;
			story.outcome = null;
			story.closeDue = day.plusDays(PetitionCategory.DEFAULT_CLOSE_DAYS);
			story.step("RATE", "CLOSED", "IN_PROGRESS", registrar, registrarName, day, "群众认为维修质量不好，要求重新处理。", null,
					null, null);
			day = day.plusDays(3 + random.nextInt(6));
			if (!day.isBefore(today) || fate < 26) {
				return story;
			}
			story.outcome = "SOLVED";
			story.closed = day;
			story.step("CLOSE", "IN_PROGRESS", "CLOSED", handler, handlerName, day, "已重新处理，群众认可。", null, null, "SOLVED");
			day = day.plusDays(1);
		}
		if (!day.isBefore(today) || random.nextInt(20) == 0) {
			return story;
		}
		story.rating = random.nextInt(6) == 0 ? "BASICALLY_SATISFIED" : "SATISFIED";
		story.step("RATE", "CLOSED", "RATED", registrar, registrarName, day, "电话回访。", null, null, null);
		day = day.plusDays(3 + random.nextInt(10));
		if (day.isBefore(today) && random.nextInt(4) > 0) {
			story.step("ARCHIVE", "RATED", "ARCHIVED", registrar, registrarName, day, null, null, null, null);
		}
		return story;
	}

	private static void markBacklog(Random random, Story story, LocalDate received, LocalDate today, int fate) {
		if (fate % 3 == 0 && received.isBefore(today.minusDays(40))) {
			story.backlogMarked = received.plusDays(30 + random.nextInt(10));
			story.step("MARK_BACKLOG", story.state, story.state, "gz_supervisor", "州督导组", story.backlogMarked,
					"久拖未决，列为信访积案跟踪化解。", null, null, null);
		}
	}

	private static @Nullable Date date(@Nullable LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static <T> T pick(Random random, List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

}
