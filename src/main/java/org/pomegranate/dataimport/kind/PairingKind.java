package org.pomegranate.dataimport.kind;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.pairing.PairingImports;
import org.pomegranate.shared.IdNumber;
import org.springframework.stereotype.Component;

/**
 * 结对: one row per pairing, a program by name, a household by its head's ID number and a cadre
 * by name (and unit), written through the pairing module's {@link PairingImports}, which applies
 * the rules of pairing on the page. The natural key is the household within the program: a
 * household has one active pairing per program.
 */
@Component
class PairingKind implements ImportKind {

	private final PairingImports pairings;

	PairingKind(PairingImports pairings) {
		this.pairings = pairings;
	}

	@Override
	public String name() {
		return "pairings";
	}

	@Override
	public String labelKey() {
		return "import.kind.pairings";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(
				ImportColumn.of("programId", "结对计划", ColumnType.ENUM, "计划", "计划名称", "结对计划名称")
					.mustBeFilled()
					.withDictionary(pairings.programs()),
				ImportColumn.of("householdIdNumber", "户主身份证号", ColumnType.ID_NUMBER, "身份证号", "身份证号码", "公民身份号码")
					.mustBeFilled(),
				ImportColumn.of("cadreName", "干部姓名", ColumnType.TEXT, "联谊人", "联谊人姓名", "结对干部").mustBeFilled(),
				ImportColumn.of("cadreWorkUnit", "干部工作单位", ColumnType.TEXT, "工作单位", "单位"),
				ImportColumn.of("startedOn", "结对日期", ColumnType.DATE, "开始日期", "结对时间"));
	}

	@Override
	public String naturalKey() {
		return "householdIdNumber";
	}

	@Override
	public String keyOf(Map<String, String> row) {
		var household = IdNumber.normalize(row.getOrDefault("householdIdNumber", ""));
		return household.isEmpty() ? "" : household + "\u0000" + row.getOrDefault("programId", "");
	}

	@Override
	public Map<String, String> example() {
		return Map.of("householdIdNumber", "513301199001011234", "cadreName", "（示例）卓玛", "cadreWorkUnit", "县民宗局",
				"startedOn", "2024-03-01");
	}

	@Override
	public List<RowCheck> check(List<Map<String, String>> rows) {
		return pairings.check(rows.stream().map(PairingKind::row).toList())
			.stream()
			.map(checked -> new RowCheck(checked.problems(), checked.existingId(), List.of()))
			.toList();
	}

	@Override
	public WriteOutcome write(long batchId, List<Map<String, String>> rows) {
		var outcome = pairings.write(batchId, rows.stream().map(PairingKind::row).toList());
		return new WriteOutcome(
				outcome.written().stream().map(w -> new WrittenRecord(w.pairingId(), true, w.version(), Map.of())).toList(),
				outcome.refused());
	}

	@Override
	public List<UndoBlocker> undoBlockers(List<WrittenRecord> records) {
		return pairings.undoBlockers(records.stream().map(PairingKind::undo).toList())
			.stream()
			.map(b -> new UndoBlocker(b.pairingId(), b.name(), b.reason()))
			.toList();
	}

	@Override
	public void undo(long batchId, List<WrittenRecord> records) {
		pairings.undo(batchId, records.stream().map(PairingKind::undo).toList());
	}

	private static PairingImports.Undo undo(WrittenRecord record) {
		return new PairingImports.Undo(record.recordId(), record.version());
	}

	private static PairingImports.Row row(Map<String, String> values) {
		Function<String, String> value = field -> values.getOrDefault(field, "");
		return new PairingImports.Row(value.apply("programId"), value.apply("householdIdNumber"), value.apply("cadreName"),
				value.apply("cadreWorkUnit"), value.apply("startedOn"));
	}

}
