package org.pomegranate.dataimport.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;

/** How a cell is cleaned by its column's type, for the forms the counties' sheets hold. */
class CellCleanerTests {

	private static final ImportColumn DATE = ImportColumn.of("visitedOn", "走访日期", ColumnType.DATE);

	private static final ImportColumn ID = ImportColumn.of("idNumber", "身份证号", ColumnType.ID_NUMBER);

	private static final ImportColumn VILLAGE = ImportColumn.of("regionCode", "村", ColumnType.REGION)
		.withDictionary(Map.of("513301001001", "炉城镇/团结村", "513301002001", "姑咱镇/团结村", "513301002002", "姑咱镇/日地村"));

	@Test
	void datesInEveryCommonChineseFormAndAsExcelSerialsBecomeIsoDates() {
		for (var typed : new String[] { "2024年2月5日", "2024/2/5", "2024.2.5", "2024-02-05", "２０２４年２月５日 ", "20240205" }) {
			assertThat(CellCleaner.clean(DATE, typed, false)).as(typed).isEqualTo(CellCleaner.Cleaned.ok("2024-02-05"));
		}
		assertThat(CellCleaner.clean(DATE, "45327", true).value()).isEqualTo("2024-02-05");
		assertThat(CellCleaner.clean(DATE, "2024年2月30日", false).problem()).isEqualTo("import.cell.date");
		assertThat(CellCleaner.clean(DATE, "去年春节", false).problem()).isEqualTo("import.cell.date");
	}

	@Test
	void anIdNumberExcelMadeANumberIsRefusedAndFullWidthDigitsAndSpacesAreCleaned() {
		assertThat(CellCleaner.clean(ID, "5.13301E+17", true).problem()).isEqualTo("import.cell.scientific");
		assertThat(CellCleaner.clean(ID, "5.13301E+17", false).problem()).isEqualTo("import.cell.scientific");
		assertThat(CellCleaner.clean(ID, " ５１３３０１１９９００１０１１２３ｘ　", false).value()).isEqualTo("51330119900101123X");
	}

	@Test
	void aVillageIsFoundByCodeByTownshipAndNameOrByANameOnlyItHasAndTwoOfOneNameAskForTheCode() {
		assertThat(CellCleaner.clean(VILLAGE, "团结村 513301002001", false).value()).isEqualTo("513301002001");
		assertThat(CellCleaner.clean(VILLAGE, "姑咱镇/团结村", false).value()).isEqualTo("513301002001");
		assertThat(CellCleaner.clean(VILLAGE, "日地村", false).value()).isEqualTo("513301002002");
		var ambiguous = CellCleaner.clean(VILLAGE, "团结村", false);
		assertThat(ambiguous.problem()).isEqualTo("import.cell.regionAmbiguous");
		assertThat(String.valueOf(ambiguous.argument())).contains("513301001001", "513301002001");
		assertThat(CellCleaner.clean(VILLAGE, "无此村", false).problem()).isEqualTo("import.cell.regionUnknown");
	}

}
