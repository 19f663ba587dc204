package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.assessment.framework.FrameworkFixtures.ABA_ADMIN;
import static org.pomegranate.assessment.framework.FrameworkFixtures.BARKAM_ADMIN;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.shared.BusinessRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The .xlsx export and import: a framework exported, imported and exported again reads the
 * same; every wrong row is named with its row number in Chinese and nothing is written; a file
 * that is not an .xlsx, too big or damaged is refused before anything is read into the database.
 */
@IntegrationTest
class FrameworkImportTests {

	private static final String HEADER = "层级,编号,上级编号,名称,分值,测评要求,佐证材料,测评方法,计分方法,计分参数,实时指标,目标值,来源";

	@Autowired
	FrameworkService frameworks;

	@Autowired
	FrameworkSpreadsheets spreadsheets;

	@Autowired
	FrameworkLabels labels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void signIn() {
		FrameworkFixtures.users(jdbc);
		FrameworkFixtures.signIn(users, ABA_ADMIN);
	}

	@AfterEach
	void signOut() {
		FrameworkFixtures.signOut();
	}

	@Test
	void theDemoCountyFrameworkExportedImportedAndExportedAgainReadsTheSame() throws IOException {
		var demo = frameworks.published(FrameworkKind.COUNTY)
			.stream()
			.filter(IndicatorFramework::isDemonstration)
			.findFirst()
			.orElseThrow();
		var exported = spreadsheets.export(demo.getId());
		var sheet = cells(exported, FrameworkRows.SHEET);
		assertThat(sheet.get(0)).isEqualTo(List.of(HEADER.split(",")));
		// 7 categories, 20 items, 58 articles, 4 bonus, 2 penalty and 2 veto items under the header
		assertThat(sheet).hasSize(1 + 7 + 20 + 58 + 4 + 2 + 2);
		assertThat(sheet.get(1)).startsWith("大类", "1", "", "加强和完善党对民族工作的全面领导", "15");
		assertThat(String.join(",", sheet.get(41))).isEqualTo(
				"条,4.1.1,4.1,联谊结对全覆盖,2.5,残疾人家庭、信访重点人员、监测对象等重点户全部结对，结对关系在联谊数据库中动态管理。,记录,"
						+ "材料审核、日常掌握,分档,100:100;95:80;90:60,PAIRING_COVERAGE,100,seed 000");
		assertThat(cells(exported, FrameworkWorkbook.SETTINGS_SHEET)).containsExactly(List.of("项目", "值"),
				List.of("名称", "示范县测评指标（演示）"), List.of("类型", "示范县"), List.of("基本分", "100"), List.of("达标分", "90"),
				List.of("加分上限", "5"), List.of("扣分上限", ""), List.of("申诉天数", "10"), List.of("审核层级", "县级、州级"),
				List.of("演示", "是"), List.of("说明", demo.getNote()));

		var imported = spreadsheets.importNew(UUID.randomUUID(), "示范县.xlsx", new ByteArrayInputStream(exported));
		assertThat(imported.isDraft()).isTrue();
		assertThat(imported.getIssuerRegionCode()).isEqualTo("5132");
		assertThat(frameworks.tree(imported.getId()).problems()).isEmpty();
		var again = spreadsheets.export(imported.getId());
		assertThat(cells(again, FrameworkRows.SHEET)).isEqualTo(sheet);
		assertThat(cells(again, FrameworkWorkbook.SETTINGS_SHEET)).isEqualTo(cells(exported, FrameworkWorkbook.SETTINGS_SHEET));
	}

	@Test
	void everyWrongRowIsNamedWithItsNumberAndNothingIsWritten() throws IOException {
		var before = counts();
		var file = workbook(List.of(HEADER,
				"大类,1,,第一大类,100,,,,,,,,",
				"项,1.1,1,第一项,100,,,,,,,,",
				"章,1.1.0,1.1,层级不对,1,,,,,,,,",
				"条,1.1.1,,缺上级,10,,文字,材料审核,评议,,,,",
				"条,1.1.2,1.1,分值不对,十分,,文字,材料审核,评议,,,,",
				"条,1.1.3,1.1,分档不对,10,,记录,日常掌握,分档,95-100,PAIRING_COVERAGE,100,",
				"条,1.1.4,1.1,指标不存在,10,,记录,日常掌握,比例,,PETITION_SPEED,95,",
				"条,1.1.5,1.1,方法和指标不配,10,,记录,日常掌握,比例,,OVERDUE_VISITS,3,",
				"条,1.1.6,1.1,佐证不对,10,,照片,材料审核,是否,,,,",
				"加分,J1,,加分,3,,文字,材料审核,评议,,,,"), settings("错误的表"));
		assertThatThrownBy(() -> spreadsheets.importNew(UUID.randomUUID(), "错误.xlsx", new ByteArrayInputStream(file)))
			.isInstanceOfSatisfying(RowsRefusedException.class, ex -> assertThat(ex.problems().stream().map(labels::of))
				.containsExactly("“指标”表第4行（层级）：层级“章”不对，应为大类、项、条、加分、扣分或否决。",
						"“指标”表第5行（上级编号）：条须填上级编号（所属项的编号）。",
						"“指标”表第6行（分值）：分值“十分”不对：应为 0 到 9999.99 之间的数，最多两位小数。",
						"“指标”表第7行（计分参数）：分档的计分参数“95-100”不对：应为“达成率:得分比例”，从高到低，以分号分隔，如 95:100;90:80;80:60。",
						"“指标”表第8行（实时指标）：实时指标“PETITION_SPEED”不存在，可选：PAIRING_COVERAGE、OVERDUE_VISITS、"
								+ "RESOLUTION_RATE、SATISFACTION、BACKLOG_CLOSED、WALL_POSTED、PUBLICITY_SESSIONS、TASK_COMPLETION、OVERDUE_TASKS、"
								+ "OVERDUE_RECTIFICATIONS。",
						"“指标”表第9行（实时指标）：第1.1.5条的实时指标越低越好，只能用扣分制或是否计分。",
						"“指标”表第10行（佐证材料）：佐证材料“照片”不对，可选：文字、图片、视频、记录、展示点、调查评议。",
						"“指标”表第11行（计分方法）：加分不填计分方法，只有条才有。"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void wrongSettingsAreNamedWithTheirRows() throws IOException {
		var before = counts();
		var file = workbook(List.of(HEADER, "大类,1,,第一大类,100,,,,,,,,"),
				List.of("项目,值", "名称,设置不对", "类型,示范区", "基本分,一百", "达标分,90", "申诉天数,100", "审核层级,县级、镇级", "演示,也许"));
		assertThatThrownBy(() -> spreadsheets.importNew(UUID.randomUUID(), "设置.xlsx", new ByteArrayInputStream(file)))
			.isInstanceOfSatisfying(RowsRefusedException.class, ex -> assertThat(ex.problems().stream().map(labels::of))
				.containsExactly("“设置”表第3行：类型“示范区”不对，可选：示范市（州）、示范县、示范乡镇、机关、企业、村（社区）、学校、宗教活动场所。",
						"“设置”表第4行：基本分“一百”不对：应为 0 到 9999.99 之间的数，最多两位小数。",
						"“设置”表第6行：申诉天数“100”不对：应为 0 到 90 的整数。",
						"“设置”表第7行：审核层级“镇级”不对，可选：县级、州级、省级。",
						"“设置”表第8行：演示应填“是”或“否”，现为“也许”。"));
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void aFileThatIsNoXlsxIsTooBigOrDamagedIsRefusedBeforeAnythingIsWritten() throws IOException {
		var before = counts();
		var good = workbook(List.of(HEADER, "大类,1,,第一大类,100,,,,,,,,"), settings("好表"));
		assertThat(refusal("指标.csv", good)).isEqualTo("只能导入 Excel .xlsx 文件（不支持 .xls、.csv 或其他格式）。");
		assertThat(refusal("指标.xlsx", HEADER.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.isEqualTo("只能导入 Excel .xlsx 文件（不支持 .xls、.csv 或其他格式）。");
		var damaged = Arrays.copyOf(good, good.length / 2);
		assertThat(refusal("指标.xlsx", damaged)).isEqualTo("文件已损坏或不是有效的 .xlsx 文件，未导入。");
		var big = new byte[(int) FrameworkWorkbook.MAX_BYTES + 1];
		System.arraycopy(good, 0, big, 0, good.length);
		assertThat(refusal("指标.xlsx", big)).isEqualTo("文件超过 5 MB，未导入。");
		assertThat(refusal("指标.xlsx", new byte[0])).isEqualTo("请选择要导入的 .xlsx 文件。");
		assertThat(refusal("指标.xlsx", workbook(List.of("编号,名称", "1,第一大类"), settings("表头不对"))))
			.isEqualTo("“指标”表第1行：表头应为：层级、编号、上级编号、名称、分值、测评要求、佐证材料、测评方法、计分方法、计分参数、实时指标、目标值、来源。");
		assertThat(refusal("指标.xlsx", workbook(List.of(HEADER, "大类,1,,第一大类,100,,,,,,,,"), null)))
			.isEqualTo("缺少“设置”工作表。");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void anImportIntoADraftReplacesItsNodesAndIsRefusedOnAPublishedVersion() throws IOException {
		var draft = frameworks.create(FrameworkFixtures.newFramework("导入替换" + UUID.randomUUID().toString().substring(0, 6)));
		frameworks.addNode(draft.getId(), FrameworkFixtures.category("9", "100").at(version(draft.getId())));
		var file = workbook(List.of(HEADER, "大类,1,,第一大类,100,,,,,,,,", "项,1.1,1,第一项,100,,,,,,,,",
				"条,1.1.1,1.1,第一条,100,要求,文字、图片,材料审核,扣分制,0.5,,,演示", "否决,F1,,否决项,,,,日常掌握,,,,,"), null);
		spreadsheets.importInto(draft.getId(), version(draft.getId()), "替换.xlsx", new ByteArrayInputStream(file));
		var tree = frameworks.tree(draft.getId());
		assertThat(frameworks.nodes(draft.getId())).extracting(IndicatorNode::getCode)
			.containsExactlyInAnyOrder("1", "1.1", "1.1.1", "F1");
		assertThat(tree.problems()).isEmpty();
		var article = tree.articles().get(0);
		assertThat(article.getDeduction()).isEqualByComparingTo("0.5");
		assertThat(article.evidenceKinds()).containsExactlyInAnyOrder(EvidenceKind.TEXT, EvidenceKind.PHOTO);
		assertThat(frameworks.get(draft.getId()).getName()).startsWith("导入替换");

		frameworks.publish(draft.getId(), version(draft.getId()));
		assertThatThrownBy(() -> spreadsheets.importInto(draft.getId(), version(draft.getId()), "替换.xlsx",
				new ByteArrayInputStream(file))).isInstanceOf(BusinessRuleException.class)
			.hasMessage("framework.refused.published");
		FrameworkFixtures.signIn(users, BARKAM_ADMIN);
		assertThatThrownBy(() -> spreadsheets.importNew(UUID.randomUUID(), "替换.xlsx", new ByteArrayInputStream(file)))
			.hasMessage("framework.refused.level");
	}

	// Helpers

	private String refusal(String name, byte[] bytes) {
		try {
			spreadsheets.importNew(UUID.randomUUID(), name, new ByteArrayInputStream(bytes));
		}
		catch (RowsRefusedException ex) {
			return labels.of(ex.problems().get(0));
		}
		throw new AssertionError(name + " was imported");
	}

	private static List<String> settings(String name) {
		return List.of("项目,值", "名称," + name, "类型,示范县", "基本分,100", "达标分,90");
	}

	/** A workbook with the sheet 指标 of {@code rows} and, unless null, the sheet 设置 of {@code settings} (CSV lines). */
	private static byte[] workbook(List<String> rows, List<String> settings) throws IOException {
		try (var workbook = new XSSFWorkbook()) {
			fill(workbook.createSheet(FrameworkRows.SHEET), rows);
			if (settings != null) {
				fill(workbook.createSheet(FrameworkWorkbook.SETTINGS_SHEET), settings);
			}
			var out = new ByteArrayOutputStream();
			workbook.write(out);
			return out.toByteArray();
		}
	}

	private static void fill(org.apache.poi.ss.usermodel.Sheet sheet, List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			var row = sheet.createRow(i);
			var cells = lines.get(i).split(",", -1);
			for (int c = 0; c < cells.length; c++) {
				if (!cells[c].isEmpty()) {
					row.createCell(c).setCellValue(cells[c]);
				}
			}
		}
	}

	/** Every row of a sheet as the texts a person reads in its cells, the first 13 columns. */
	private static List<List<String>> cells(byte[] xlsx, String sheetName) throws IOException {
		var formatter = new DataFormatter();
		try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheet(sheetName);
			var rows = new ArrayList<List<String>>();
			int width = sheetName.equals(FrameworkRows.SHEET) ? 13 : 2;
			for (int i = 0; i <= sheet.getLastRowNum(); i++) {
				var row = sheet.getRow(i);
				var cells = new ArrayList<String>();
				for (int c = 0; c < width; c++) {
					cells.add(row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
	}

	private String counts() {
		return jdbc.queryForObject("select (select count(*) from indicator_framework) || '/' || (select count(*) from indicator_node)",
				String.class);
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from indicator_framework where id = ?", Long.class, id);
	}

}
