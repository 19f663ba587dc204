package org.pomegranate.supervision.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.supervision.task.TaskForms.ExtensionForm;
import org.pomegranate.supervision.task.TaskForms.ReasonForm;
import org.pomegranate.supervision.task.TaskForms.ReportForm;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The steps' wiring against the real database, through the services: issuing makes an instance
 * per recipient with its 下达 line; each step checks the form's version, keeps its timeline line
 * and its audit line; a refused attachment writes nothing; an instance of another village answers
 * exactly as a missing one; a double submit issues one list; a list must go to regions below.
 */
@IntegrationTest
class TaskWorkflowTests {

	/** The smallest file a PNG's magic and a few bytes make. */
	static final byte[] PNG = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 16);

	@Autowired
	TaskIssuing issuing;

	@Autowired
	TaskSteps steps;

	@Autowired
	TaskReading reading;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void users() {
		TaskFixtures.users(jdbc);
	}

	@AfterEach
	void clear() {
		TaskFixtures.signOut();
		TaskFixtures.clear(jdbc);
	}

	private long issueOnce(String title, String... villages) {
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		var due = ChinaTime.today(java.time.Clock.systemUTC()).plusDays(10).toString();
		long list = issuing.issue(TaskFixtures.issueForm(title, Recurrence.ONCE, null, due, null,
				Arrays.stream(villages).map(v -> "R:" + v).toList()));
		TaskFixtures.signOut();
		return list;
	}

	private long instanceOf(long list, String village) {
		return jdbc.queryForObject("select id from task_instance where list_id = ? and region_code = ?", Long.class, list,
				village);
	}

	private long version(long instance) {
		return jdbc.queryForObject("select version from task_instance where id = ?", Long.class, instance);
	}

	private List<String> timeline(long instance) {
		return jdbc.queryForList("select action from task_event where instance_id = ? order by occurred_at, id", String.class,
				instance);
	}

	@Test
	void aTaskGoesRoundTheLoopWithItsTimelineAuditAndAttachment() {
		var village = TaskFixtures.VILLAGES.get(0);
		long list = issueOnce("闭环", village, TaskFixtures.VILLAGES.get(1));
		assertThat(jdbc.queryForObject("select count(*) from task_instance where list_id = ?", Long.class, list)).isEqualTo(2);
		long task = instanceOf(list, village);
		assertThat(timeline(task)).containsExactly("ISSUE");

		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		steps.acknowledge(task, version(task));
		steps.report(task, new ReportForm("已组织宣讲 3 场", "宣讲场次", "3", version(task)), List.of(Upload.of("签到表.png", PNG)));
		TaskFixtures.signIn(users, TaskFixtures.SUPERVISOR);
		steps.returnToRecipient(task, new ReasonForm("缺少活动照片", version(task)));
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		assertThat(reading.inbox().stream().filter(g -> g.key().equals("returned")).findFirst().orElseThrow().rows())
			.extracting(TaskReading.InstanceRow::id)
			.contains(task);
		steps.report(task, new ReportForm("已补充照片", "", "", version(task)), List.of());
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		steps.accept(task, new ReasonForm("", version(task)));

		assertThat(timeline(task)).containsExactly("ISSUE", "ACKNOWLEDGE", "REPORT", "RETURN", "REPORT", "ACCEPT");
		var row = jdbc.queryForMap("select state, reported_on, accepted_on, report_text from task_instance where id = ?", task);
		assertThat(row.get("state")).isEqualTo("ACCEPTED");
		assertThat(row.get("report_text")).isEqualTo("已补充照片");
		assertThat(jdbc.queryForObject("select comment from task_event where instance_id = ? and action = 'RETURN'", String.class,
				task)).isEqualTo("缺少活动照片");
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'TaskInstance' and entity_id = ?",
				Long.class, String.valueOf(task))).isEqualTo(5);
		assertThat(jdbc.queryForObject("select count(*) from stored_file where owner_kind = 'task-report' and owner_id = ?",
				Long.class, task)).isEqualTo(1);
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		assertThat(reading.instance(task).files()).hasSize(1);
		assertThat(reading.instance(task).allowed()).isEmpty();
	}

	@Test
	void anExtensionGrantedMovesTheDueDateAndIsInTheTimeline() {
		long list = issueOnce("延期", TaskFixtures.VILLAGES.get(0));
		long task = instanceOf(list, TaskFixtures.VILLAGES.get(0));
		var due = jdbc.queryForObject("select due_on from task_instance where id = ?", LocalDate.class, task);
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		steps.acknowledge(task, version(task));
		steps.requestExtension(task, new ExtensionForm("牧区转场", due.plusDays(7).toString(), version(task)));
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		steps.grantExtension(task, new ExtensionForm("", due.plusDays(5).toString(), version(task)));
		assertThat(jdbc.queryForObject("select granted_due_on from task_instance where id = ?", LocalDate.class, task))
			.isEqualTo(due.plusDays(5));
		assertThat(timeline(task)).containsExactly("ISSUE", "ACKNOWLEDGE", "REQUEST_EXTENSION", "GRANT_EXTENSION");
	}

	@Test
	void aFormOpenedOnAnOlderVersionIsRefused() {
		long list = issueOnce("版本", TaskFixtures.VILLAGES.get(0));
		long task = instanceOf(list, TaskFixtures.VILLAGES.get(0));
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		assertThatThrownBy(() -> steps.acknowledge(task, version(task) - 1))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> steps.acknowledge(task, null)).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(timeline(task)).containsExactly("ISSUE");
	}

	@Test
	void aRefusedAttachmentRefusesTheReportBeforeAnythingIsWritten() {
		long list = issueOnce("附件", TaskFixtures.VILLAGES.get(0));
		long task = instanceOf(list, TaskFixtures.VILLAGES.get(0));
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		steps.acknowledge(task, version(task));
		assertThatThrownBy(() -> steps.report(task, new ReportForm("已完成", "", "", version(task)),
				List.of(Upload.of("报告.exe", "MZ not a document".getBytes()))))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("files", "task.file.WRONG_TYPE"));
		assertThatThrownBy(() -> steps.report(task, new ReportForm(" ", "", "", version(task)), List.of()))
			.isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select state from task_instance where id = ?", String.class, task)).isEqualTo("ACKNOWLEDGED");
		assertThat(jdbc.queryForObject("select count(*) from stored_file where owner_kind = 'task-report' and owner_id = ?",
				Long.class, task)).isZero();
	}

	@Test
	void aStepOfTheWrongSideIsRefusedWithItsReason() {
		long list = issueOnce("越权", TaskFixtures.VILLAGES.get(0));
		long task = instanceOf(list, TaskFixtures.VILLAGES.get(0));
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		assertThatThrownBy(() -> steps.acknowledge(task, version(task))).isInstanceOf(BusinessRuleException.class)
			.hasMessage("task.refused.notRecipient");
	}

	@Test
	void anInstanceOfAnotherVillageAnswersExactlyAsAMissingOne() throws Exception {
		long list = issueOnce("范围", TaskFixtures.VILLAGES.get(0));
		long task = instanceOf(list, TaskFixtures.VILLAGES.get(0));
		TaskFixtures.signIn(users, TaskFixtures.STAFF_2);
		assertThatThrownBy(() -> reading.instance(task)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> steps.acknowledge(task, version(task))).isInstanceOf(RecordNotFoundException.class);
		TaskFixtures.signOut();
		var other = user(users.loadUserByUsername(TaskFixtures.STAFF_2));
		var outside = mvc.perform(get("/tasks/" + task).with(other)).andReturn().getResponse();
		var missing = mvc.perform(get("/tasks/" + Long.MAX_VALUE / 2).with(other)).andReturn().getResponse();
		assertThat(outside.getStatus()).isEqualTo(404).isEqualTo(missing.getStatus());
		assertThat(outside.getContentAsString()).isEqualTo(missing.getContentAsString());
		assertThat(outside.getHeaderNames()).isEqualTo(missing.getHeaderNames());
		var lists = mvc.perform(get("/tasks/lists/" + list).with(user(users.loadUserByUsername("ld_staff")))).andReturn().getResponse();
		assertThat(lists.getStatus()).isEqualTo(403);
		var county = user(users.loadUserByUsername("kd_supervisor"));
		assertThat(mvc.perform(get("/tasks/lists/" + list).with(county)).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	/** A unit's task lies in the unit's region: its staff take the recipient's steps, the issuer's the rest. */
	@Test
	void aUnitReceivesItsTaskInItsRegion() {
		var village = TaskFixtures.VILLAGES.get(0);
		long unit = jdbc.queryForObject("""
				insert into campaign_unit (name, kind, region_code, created_by) values ('任务测试学校', 'SCHOOL', ?, 'test')
				returning id""", Long.class, village);
		try {
			TaskFixtures.signIn(users, TaskFixtures.ADMIN);
			long list = issuing.issue(TaskFixtures.issueForm("单位", Recurrence.ONCE, null, "2099-01-01", null,
					List.of("U:" + unit)));
			var row = jdbc.queryForMap("select id, region_code, unit_id, recipient_name from task_instance where list_id = ?", list);
			assertThat(row.get("region_code")).isEqualTo(village);
			assertThat(row.get("unit_id")).isEqualTo(unit);
			assertThat(row.get("recipient_name")).isEqualTo("任务测试学校");
			long task = (Long) row.get("id");
			TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
			steps.acknowledge(task, version(task));
			assertThat(reading.inboxCount()).isPositive();
			TaskFixtures.signIn(users, TaskFixtures.STAFF_2);
			assertThatThrownBy(() -> reading.instance(task)).isInstanceOf(RecordNotFoundException.class);
		}
		finally {
			TaskFixtures.clear(jdbc);
			jdbc.update("delete from campaign_unit where id = ?", unit);
		}
	}

	@Test
	void aDoubleSubmitIssuesOneList() {
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		var form = TaskFixtures.issueForm("重复", Recurrence.MONTHLY, "31", "2026-01-01", "2026-03-31",
				List.of("R:" + TaskFixtures.VILLAGES.get(0)));
		long first = issuing.issue(form);
		long second = issuing.issue(form);
		assertThat(second).isEqualTo(first);
		assertThat(jdbc.queryForObject("select count(*) from task_list where title = ?", Long.class, form.title())).isEqualTo(1);
		assertThat(jdbc.queryForList("select due_on::text from task_instance where list_id = ? order by due_on", String.class, first))
			.containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
	}

	@Test
	void aListGoesOnlyToRegionsBelowAndUnitsInside() {
		TaskFixtures.signIn(users, TaskFixtures.ADMIN);
		for (var outside : List.of("R:513322", "R:" + TaskFixtures.TOWNSHIP, "R:513301003", "U:999999999", "X:1")) {
			var form = TaskFixtures.issueForm("越界", Recurrence.ONCE, null, "2099-01-01", null, List.of(outside));
			assertThatThrownBy(() -> issuing.issue(form)).as(outside)
				.isInstanceOf(InvalidInputException.class)
				.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("recipients",
						"task.error.recipient"));
		}
		var past = TaskFixtures.issueForm("过期", Recurrence.ONCE, null, "2000-01-01", null, List.of("R:" + TaskFixtures.VILLAGES.get(0)));
		assertThatThrownBy(() -> issuing.issue(past)).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("firstDueOn", "task.error.pastDue"));
		var noDay = TaskFixtures.issueForm("无日", Recurrence.MONTHLY, "", "2099-01-01", null, List.of("R:" + TaskFixtures.VILLAGES.get(0)));
		assertThatThrownBy(() -> issuing.issue(noDay)).isInstanceOf(InvalidInputException.class);
		var badDay = TaskFixtures.issueForm("坏日", Recurrence.MONTHLY, "32", "2099-01-01", null, List.of("R:" + TaskFixtures.VILLAGES.get(0)));
		assertThatThrownBy(() -> issuing.issue(badDay)).isInstanceOf(InvalidInputException.class);
		assertThat(jdbc.queryForObject("select count(*) from task_list where title like ?", Long.class, TaskFixtures.TITLE + "%"))
			.isZero();
		TaskFixtures.signIn(users, TaskFixtures.STAFF_1);
		var form = TaskFixtures.issueForm("员工", Recurrence.ONCE, null, "2099-01-01", null, List.of("R:" + TaskFixtures.VILLAGES.get(0)));
		assertThatThrownBy(() -> issuing.issue(form)).isInstanceOf(AccessDeniedException.class);
	}

}
