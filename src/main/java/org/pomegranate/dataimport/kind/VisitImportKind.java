package org.pomegranate.dataimport.kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.pairing.VisitImports;
import org.pomegranate.shared.IdNumber;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * 走访: one row per visit of a ledger, by the household's ID number, the cadre and the date (its
 * natural key), written through the pairing module's {@link VisitImports}, which applies the visit
 * form's rules. Named apart from the pairing module's {@code VisitKind}, the kind of a visit.
 */
@Component
class VisitImportKind implements ImportKind {

	private final VisitImports visits;

	private final MessageSource messages;

	VisitImportKind(VisitImports visits, MessageSource messages) {
		this.visits = visits;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "visits";
	}

	@Override
	public String labelKey() {
		return "import.kind.visits";
	}

	@Override
	public List<ImportColumn> columns() {
		var kinds = new LinkedHashMap<String, String>();
		for (var code : visits.kinds()) {
			kinds.put(code, messages.getMessage("VisitKind." + code, null, code, LocaleContextHolder.getLocale()));
		}
		return List.of(
				ImportColumn.of("householdIdNumber", "户主身份证号", ColumnType.ID_NUMBER, "身份证号", "身份证号码", "公民身份号码")
					.mustBeFilled(),
				ImportColumn.of("cadreName", "干部姓名", ColumnType.TEXT, "联谊人", "联谊人姓名", "走访干部").mustBeFilled(),
				ImportColumn.of("cadreWorkUnit", "干部工作单位", ColumnType.TEXT, "工作单位", "单位"),
				ImportColumn.of("programId", "结对计划", ColumnType.ENUM, "计划").withDictionary(visits.programs()),
				ImportColumn.of("visitedOn", "走访日期", ColumnType.DATE, "日期", "走访时间").mustBeFilled(),
				ImportColumn.of("kind", "走访方式", ColumnType.ENUM, "方式", "走访类型").mustBeFilled().withDictionary(kinds),
				ImportColumn.of("visitors", "走访人员", ColumnType.TEXT, "走访人", "参加人员").mustBeFilled(),
				ImportColumn.of("findings", "了解情况", ColumnType.TEXT, "情况", "走访情况"),
				ImportColumn.of("actionsTaken", "帮扶措施", ColumnType.TEXT, "措施", "办理情况"),
				ImportColumn.of("aidAmount", "帮扶金额（元）", ColumnType.NUMBER, "金额", "慰问金额"),
				ImportColumn.of("followUpNeeded", "需要跟进", ColumnType.ENUM, "跟进")
					.withDictionary(yesNo()));
	}

	private static Map<String, String> yesNo() {
		var yesNo = new LinkedHashMap<String, String>();
		yesNo.put("true", "是");
		yesNo.put("false", "否");
		return yesNo;
	}

	@Override
	public String naturalKey() {
		return "householdIdNumber";
	}

	@Override
	public String keyOf(Map<String, String> row) {
		var household = IdNumber.normalize(row.getOrDefault("householdIdNumber", ""));
		return household.isEmpty() ? ""
				: String.join("\u0000", household, row.getOrDefault("cadreName", ""), row.getOrDefault("cadreWorkUnit", ""),
						row.getOrDefault("visitedOn", ""));
	}

	@Override
	public Map<String, String> example() {
		return Map.of("householdIdNumber", "513301199001011234", "cadreName", "（示例）卓玛", "cadreWorkUnit", "县民宗局",
				"visitedOn", "2024-03-05", "kind", "入户走访", "visitors", "卓玛", "findings", "此行为示例，导入时忽略", "aidAmount",
				"0", "followUpNeeded", "否");
	}

	@Override
	public List<RowCheck> check(List<Map<String, String>> rows) {
		return visits.check(rows.stream().map(VisitImportKind::row).toList())
			.stream()
			.map(checked -> new RowCheck(checked.problems(), checked.existingId(), List.of()))
			.toList();
	}

	@Override
	public WriteOutcome write(long batchId, List<Map<String, String>> rows) {
		var outcome = visits.write(batchId, rows.stream().map(VisitImportKind::row).toList());
		return new WriteOutcome(
				outcome.written().stream().map(w -> new WrittenRecord(w.visitId(), true, w.version(), Map.of())).toList(),
				outcome.refused());
	}

	@Override
	public List<UndoBlocker> undoBlockers(List<WrittenRecord> records) {
		return visits.undoBlockers(records.stream().map(VisitImportKind::undo).toList())
			.stream()
			.map(b -> new UndoBlocker(b.visitId(), b.name(), b.reason()))
			.toList();
	}

	@Override
	public void undo(long batchId, List<WrittenRecord> records) {
		visits.undo(batchId, records.stream().map(VisitImportKind::undo).toList());
	}

	private static VisitImports.Undo undo(WrittenRecord record) {
		return new VisitImports.Undo(record.recordId(), record.version());
	}

	private static VisitImports.Row row(Map<String, String> values) {
		Function<String, String> value = field -> values.getOrDefault(field, "");
		return new VisitImports.Row(value.apply("householdIdNumber"), value.apply("cadreName"), value.apply("cadreWorkUnit"),
				value.apply("programId"), value.apply("visitedOn"), value.apply("kind"), value.apply("visitors"),
				value.apply("findings"), value.apply("actionsTaken"), value.apply("aidAmount"), value.apply("followUpNeeded"));
	}

}
