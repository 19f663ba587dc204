package org.pomegranate.dataimport.kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.pomegranate.dataimport.ImportColumn;
import org.pomegranate.dataimport.ImportColumn.ColumnType;
import org.pomegranate.dataimport.ImportKind;
import org.pomegranate.pairing.CadreImports;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.RegionLevel;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * 干部: one row per cadre, found again by name and work unit (cadre records hold no ID number),
 * written through the pairing module's {@link CadreImports}, which runs each row through the
 * cadre form's rules.
 */
@Component
class CadreKind implements ImportKind {

	private final CadreImports cadres;

	private final RegionService regions;

	private final EthnicGroups ethnicGroups;

	private final MessageSource messages;

	CadreKind(CadreImports cadres, RegionService regions, EthnicGroups ethnicGroups, MessageSource messages) {
		this.cadres = cadres;
		this.regions = regions;
		this.ethnicGroups = ethnicGroups;
		this.messages = messages;
	}

	@Override
	public String name() {
		return "cadres";
	}

	@Override
	public String labelKey() {
		return "import.kind.cadres";
	}

	@Override
	public List<ImportColumn> columns() {
		return List.of(ImportColumn.of("name", "姓名", ColumnType.TEXT, "干部姓名", "联谊人", "联谊人姓名").mustBeFilled(),
				ImportColumn.of("gender", "性别", ColumnType.ENUM).mustBeFilled().withDictionary(labels("Gender.", cadres.genders())),
				ImportColumn.of("ethnicity", "民族", ColumnType.ENUM, "族别").mustBeFilled().withDictionary(ethnicGroups.all()),
				ImportColumn.of("workUnit", "工作单位", ColumnType.TEXT, "单位", "所在单位", "单位名称"),
				ImportColumn.of("position", "职务", ColumnType.TEXT, "职位"),
				ImportColumn.of("level", "干部类别", ColumnType.ENUM, "级别", "干部级别", "类别")
					.mustBeFilled()
					.withDictionary(labels("CadreLevel.", cadres.levels())),
				ImportColumn.of("regionCode", "所属区域", ColumnType.REGION, "区域", "所在地", "乡镇", "村（社区）", "区域代码")
					.mustBeFilled()
					.withDictionary(regionsInScope()),
				ImportColumn.of("phone", "联系电话", ColumnType.PHONE, "电话", "手机", "手机号", "联系方式"));
	}

	private Map<String, String> labels(String prefix, List<String> codes) {
		var labels = new LinkedHashMap<String, String>();
		for (var code : codes) {
			labels.put(code, messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale()));
		}
		return labels;
	}

	/**
	 * Every region of the user's scope a cadre may belong to, code → name; a village as
	 * 乡镇/村, so that two 团结村 differ.
	 */
	private Map<String, String> regionsInScope() {
		var selectable = regions.selectable(RegionLevel.VILLAGE);
		var names = new LinkedHashMap<String, String>();
		selectable.forEach(region -> names.put(region.getCode(), region.getName()));
		var paths = new LinkedHashMap<String, String>();
		for (Region region : selectable) {
			paths.put(region.getCode(), region.getLevel() == RegionLevel.VILLAGE
					? names.getOrDefault(region.getParentCode(), "") + "/" + region.getName() : region.getName());
		}
		return paths;
	}

	@Override
	public String naturalKey() {
		return "name";
	}

	@Override
	public String keyOf(Map<String, String> row) {
		var name = row.getOrDefault("name", "");
		return name.isEmpty() ? "" : name + "\u0000" + row.getOrDefault("workUnit", "");
	}

	@Override
	public Map<String, String> example() {
		return Map.of("name", "（示例）卓玛", "gender", "女", "ethnicity", "藏族", "workUnit", "县民宗局", "position", "科员",
				"level", "一般干部", "phone", "13900000000");
	}

	@Override
	public List<RowCheck> check(List<Map<String, String>> rows) {
		return cadres.check(rows.stream().map(CadreKind::row).toList())
			.stream()
			.map(checked -> new RowCheck(checked.problems(), checked.existingId(),
					checked.changes().stream().map(c -> new FieldChange(c.field(), c.before(), c.after())).toList()))
			.toList();
	}

	@Override
	public WriteOutcome write(long batchId, List<Map<String, String>> rows) {
		var outcome = cadres.write(batchId, rows.stream().map(CadreKind::row).toList());
		return new WriteOutcome(outcome.written()
			.stream()
			.map(w -> new WrittenRecord(w.cadreId(), w.created(), w.version(), w.before()))
			.toList(), outcome.refused());
	}

	@Override
	public List<UndoBlocker> undoBlockers(List<WrittenRecord> records) {
		return cadres.undoBlockers(records.stream().map(CadreKind::undo).toList())
			.stream()
			.map(b -> new UndoBlocker(b.cadreId(), b.name(), b.reason()))
			.toList();
	}

	@Override
	public void undo(long batchId, List<WrittenRecord> records) {
		cadres.undo(batchId, records.stream().map(CadreKind::undo).toList());
	}

	private static CadreImports.Undo undo(WrittenRecord record) {
		return new CadreImports.Undo(record.recordId(), record.created(), record.version(), record.before());
	}

	private static CadreImports.Row row(Map<String, String> values) {
		Function<String, String> value = field -> values.getOrDefault(field, "");
		return new CadreImports.Row(value.apply("name"), value.apply("gender"), value.apply("ethnicity"),
				value.apply("workUnit"), value.apply("position"), value.apply("level"), value.apply("regionCode"),
				value.apply("phone"));
	}

}
