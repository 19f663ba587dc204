package org.pomegranate.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.files.Upload;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.supervision.inspection.InspectionForms.FindingForm;
import org.pomegranate.supervision.inspection.InspectionForms.InspectionForm;
import org.pomegranate.supervision.inspection.InspectionForms.ReportForm;
import org.pomegranate.supervision.inspection.InspectionForms.VerifyForm;
import org.pomegranate.supervision.inspection.InspectionKind;
import org.pomegranate.supervision.inspection.Inspections;
import org.pomegranate.supervision.inspection.RectificationQuery;
import org.pomegranate.supervision.inspection.RectificationSource;
import org.pomegranate.supervision.inspection.RectificationState;
import org.pomegranate.supervision.inspection.Rectifications;
import org.pomegranate.supervision.inspection.Severity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An inspection's finding and its rectification through the services, as the issue tells it: the
 * prefecture inspects a county and records a finding (once, however often the form is sent; a
 * wrong file refuses it before anything is written); the county reports, the prefecture sends it
 * back with a new deadline, the county reports again and it passes. Who may not, is refused; a
 * county outside finds nothing; a stale page changes nothing. The ledger's export holds the rows
 * the ledger counts.
 */
@IntegrationTest
class InspectionWorkflowTests {

	private static final byte[] PNG = java.util.Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 64);

	@Autowired
	Inspections inspections;

	@Autowired
	Rectifications rectifications;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@AfterEach
	void signOut() {
		SupervisionSignIn.out();
	}

	@Test
	void aFindingIsRectifiedReturnedAndVerified() {
		var today = ChinaTime.today(clock);
		SupervisionSignIn.as(users, "gz_supervisor");
		var inspection = inspections.create(new InspectionForm(UUID.randomUUID(), InspectionKind.FOLLOW_UP, "跟踪督查（测试）",
				today.toString(), "", List.of("gz_supervisor"), "李明\n", List.of("513301", "513322"), List.of(), "12, 13", "", "",
				null));
		assertThat(inspection.getTargets()).extracting(t -> t.getName()).containsExactly("康定市", "泸定县");
		assertThat(inspection.getTeam()).extracting(m -> m.getName()).containsExactly("州督导组", "李明");
		assertThat(inspection.getArticleIds()).containsExactly(12L, 13L);

		long findingsBefore = count("select count(*) from finding");
		var wrongType = Upload.of("通知.png", "not an image at all".getBytes());
		var refused = new FindingForm(UUID.randomUUID(), "513301", "文件未处理", Severity.GRAVE, "", "", "");
		assertThatThrownBy(() -> inspections.recordFinding(inspection.getId(), refused, List.of(wrongType)))
			.isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).problems()).containsEntry("evidence",
					"inspection.error.evidenceType"));
		assertThat(count("select count(*) from finding")).isEqualTo(findingsBefore);

		var form = new FindingForm(UUID.randomUUID(), "513301", "部分单位连文件都没有处理", Severity.GRAVE, "", "", "");
		var finding = inspections.recordFinding(inspection.getId(), form, List.of(Upload.of("现场.png", PNG)));
		assertThat(inspections.recordFinding(inspection.getId(), form, List.of(Upload.of("现场.png", PNG))).getId())
			.as("the same form sent twice makes one finding")
			.isEqualTo(finding.getId());
		assertThat(count("select count(*) from rectification where finding_id = " + finding.getId())).isEqualTo(1);
		assertThat(count("select count(*) from stored_file where owner_kind = 'inspection-finding' and owner_id = "
				+ finding.getId())).isEqualTo(1);
		var row = inspections.findings(inspections.get(inspection.getId())).get(0);
		var rectification = row.rectification();
		assertThat(rectification.getDueOn()).as("严重: 7 days").isEqualTo(today.plusDays(7));
		long id = rectification.getId();

		// The inspector does not report for the county; staff do not verify.
		assertThatThrownBy(() -> rectifications.report(id, new ReportForm("已整改", 0L), List.of()))
			.isInstanceOf(AccessDeniedException.class);
		SupervisionSignIn.as(users, "gz_admin");
		assertThatThrownBy(() -> rectifications.report(id, new ReportForm("已整改", 0L), List.of()))
			.hasMessage("rectification.refused.notResponsible");
		SupervisionSignIn.as(users, "ld_staff");
		assertThatThrownBy(() -> rectifications.get(id)).isInstanceOf(RecordNotFoundException.class);

		SupervisionSignIn.as(users, "kd_staff");
		assertThat(rectifications.inbox().toReport()).extracting(r -> r.getId()).contains(id);
		var reported = rectifications.report(id, new ReportForm("已组织传达学习", 0L), List.of(Upload.of("会议.png", PNG)));
		assertThat(reported.getState()).isEqualTo(RectificationState.REPORTED);
		assertThatThrownBy(() -> rectifications.report(id, new ReportForm("再报", 0L), List.of()))
			.as("a page opened before the report")
			.isInstanceOf(OptimisticLockingFailureException.class);

		SupervisionSignIn.as(users, "gz_supervisor");
		assertThat(rectifications.inbox().toVerify()).extracting(r -> r.getId()).contains(id);
		assertThatThrownBy(() -> rectifications.fail(id, new VerifyForm("", "", reported.getVersion())))
			.isInstanceOf(InvalidInputException.class);
		var returned = rectifications.fail(id, new VerifyForm("记录不全", today.plusDays(5).toString(), reported.getVersion()));
		assertThat(returned.getState()).isEqualTo(RectificationState.RETURNED);
		assertThat(returned.getDueOn()).isEqualTo(today.plusDays(5));

		SupervisionSignIn.as(users, "kd_staff");
		assertThat(rectifications.inbox().returned()).extracting(r -> r.getId()).contains(id);
		var again = rectifications.report(id, new ReportForm("已补齐记录", returned.getVersion()), List.of());
		SupervisionSignIn.as(users, "gz_supervisor");
		var verified = rectifications.pass(id, new VerifyForm("整改到位", "", again.getVersion()));
		assertThat(verified.getState()).isEqualTo(RectificationState.VERIFIED);
		assertThat(verified.getClosedOn()).isEqualTo(today);
		assertThat(rectifications.timeline(id)).extracting(s -> s.getAction().name())
			.containsExactly("OPEN", "REPORT", "FAIL", "REPORT", "PASS");
		assertThatThrownBy(() -> rectifications.pass(id, new VerifyForm("", "", verified.getVersion())))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("rectification.refused.PASS");

		var done = inspections.get(inspection.getId());
		assertThat(inspections.mayEdit(done)).as("a verified rectification closes the inspection to edits").isFalse();
		assertThatThrownBy(() -> inspections.edit(done.getId(), InspectionForm.of(done)))
			.hasMessage("inspection.refused.verified");
	}

	/** The export holds exactly the rows the ledger counts for the same filters, masked of nothing personal. */
	@Test
	void theLedgerExportHoldsTheLedgersRows() throws Exception {
		SupervisionSignIn.as(users, "gz_supervisor");
		var query = new RectificationQuery(null, null, null, RectificationSource.FINDING, null, null, null, null, null, null);
		var listed = rectifications.search(query, Pageable.unpaged());
		assertThat(listed.getTotalElements()).isGreaterThanOrEqualTo(8);
		SupervisionSignIn.out();
		var body = mvc.perform(get("/rectifications/export?source=FINDING").with(user(users.loadUserByUsername("gz_supervisor"))))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("编号");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) listed.getTotalElements());
			var ids = new java.util.HashSet<Long>();
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				ids.add((long) sheet.getRow(i).getCell(0).getNumericCellValue());
				assertThat(sheet.getRow(i).getCell(1).getStringCellValue()).isEqualTo("督查发现");
			}
			assertThat(ids).containsExactlyInAnyOrderElementsOf(listed.map(r -> r.getId()).toList());
		}
	}

	private long count(String sql) {
		return jdbc.queryForObject(sql, Long.class);
	}

}
