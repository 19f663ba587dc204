package org.pomegranate.dataimport.kind;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.pairing.HouseholdImports;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.RegionLevel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * 家庭: one row per household, found again by the head's ID number, written through the pairing
 * module's {@link HouseholdImports}, which runs each row through the household form's rules.
 */
@Component
class HouseholdKind implements ImportKind {

	private final HouseholdImports households;

	private final RegionService regions;

	private final EthnicGroups ethnicGroups;

	private final MessageSource messages;

	HouseholdKind(HouseholdImports households, RegionService regions, EthnicGroups ethnicGroups, MessageSource messages) {
		this.households = households;
		this.regions = regions;
		this.ethnicGroups = ethnicGroups;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "households";
	}

	@Override
	public String labelKey() {
		return "import.kind.households";
	}

	@Override
	public List<ImportColumn> columns() {
		var categories = new LinkedHashMap<String, String>();
		for (var code : households.categories()) {
			categories.put(code, messages.getMessage("HouseholdCategory." + code, null, code, LocaleContextHolder.getLocale()));
		}
		return List.of(ImportColumn.of("headName", "户主姓名", ColumnType.TEXT, "户主", "姓名", "户主名").mustBeFilled(),
				ImportColumn.of("idNumber", "户主身份证号", ColumnType.ID_NUMBER, "身份证号", "身份证号码", "公民身份号码", "证件号码")
					.mustBeFilled(),
				ImportColumn.of("ethnicity", "民族", ColumnType.ENUM, "族别").mustBeFilled().withDictionary(ethnicGroups.all()),
				ImportColumn.of("phone", "联系电话", ColumnType.PHONE, "电话", "手机", "手机号", "联系方式"),
				ImportColumn.of("regionCode", "村（社区）", ColumnType.REGION, "村", "社区", "村社区", "所在村", "村名", "村（社区）代码")
					.mustBeFilled()
					.withDictionary(villages()),
				ImportColumn.of("address", "地址", ColumnType.TEXT, "住址", "家庭住址"),
				ImportColumn.of("memberCount", "家庭人口", ColumnType.NUMBER, "人口", "家庭人数", "人数").mustBeFilled(),
				ImportColumn.of("categories", "类别", ColumnType.ENUM_LIST, "家庭类别", "户类别").withDictionary(categories),
				ImportColumn.of("notes", "备注", ColumnType.TEXT, "说明"));
	}

	/** The user's villages, code → 乡镇/村, the township's name first so that two 团结村 differ. */
	private Map<String, String> villages() {
		var selectable = regions.selectable(RegionLevel.VILLAGE);
		var names = selectable.stream().collect(Collectors.toMap(Region::getCode, Region::getName, (a, b) -> a));
		var villages = new LinkedHashMap<String, String>();
		for (var region : selectable) {
			if (region.getLevel() == RegionLevel.VILLAGE) {
				villages.put(region.getCode(), names.getOrDefault(region.getParentCode(), "") + "/" + region.getName());
			}
		}
		return villages;
	}

	@Override
	public String naturalKey() {
		return "idNumber";
	}

	@Override
	public Map<String, String> example() {
		return Map.of("headName", "（示例）扎西", "idNumber", "513301199001011234", "ethnicity", "藏族", "phone", "13800000000",
				"memberCount", "4", "categories", "脱贫户、监测对象", "notes", "此行为示例，导入时忽略");
	}

	@Override
	public List<RowCheck> check(List<Map<String, String>> rows) {
		return households.check(rows.stream().map(HouseholdKind::row).toList())
			.stream()
			.map(checked -> new RowCheck(checked.problems(), checked.existingId(),
					checked.changes().stream().map(c -> new FieldChange(c.field(), c.before(), c.after())).toList()))
			.toList();
	}

	@Override
	public WriteOutcome write(long batchId, List<Map<String, String>> rows) {
		var outcome = households.write(batchId, rows.stream().map(HouseholdKind::row).toList());
		return new WriteOutcome(outcome.written()
			.stream()
			.map(w -> new WrittenRecord(w.householdId(), w.created(), w.version(), w.before()))
			.toList(), outcome.refused());
	}

	@Override
	public List<UndoBlocker> undoBlockers(List<WrittenRecord> records) {
		return households.undoBlockers(records.stream().map(HouseholdKind::undo).toList())
			.stream()
			.map(b -> new UndoBlocker(b.householdId(), b.headName(), b.reason()))
			.toList();
	}

	@Override
	public void undo(long batchId, List<WrittenRecord> records) {
		households.undo(batchId, records.stream().map(HouseholdKind::undo).toList());
	}

	private static HouseholdImports.Undo undo(WrittenRecord record) {
		return new HouseholdImports.Undo(record.recordId(), record.created(), record.version(), record.before());
	}

	private static HouseholdImports.Row row(Map<String, String> values) {
		Function<String, String> value = field -> values.getOrDefault(field, "");
		var categories = value.apply("categories").isEmpty() ? new HashSet<String>()
				: new HashSet<>(Arrays.asList(value.apply("categories").split(",")));
		return new HouseholdImports.Row(value.apply("headName"), value.apply("idNumber"), value.apply("ethnicity"),
				value.apply("phone"), value.apply("regionCode"), value.apply("address"), value.apply("memberCount"),
				categories, value.apply("notes"));
	}

}
