package org.pomegranate.assessment.framework;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRow.Column;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FormText;

/**
 * Rows to nodes and back: the one parser of the .xlsx import, the demo CSVs and the node form,
 * and the writer of the export. A row says its node in the sheet's own words (层级 大类/项/条/加分/
 * 扣分/否决, 佐证材料 文字、图片…, 计分方法 扣分制/分档/比例/是否/评议, 实时指标 by its code, see
 * {@code assessment/frameworks/README.md}); {@link #parse} reads every row and refuses them all
 * with every problem found, each with its row number, or gives the nodes with their parents' codes.
 * Whether the points add up is not a row's problem: a draft may not add up yet ({@link FrameworkChecks}).
 */
public final class FrameworkRows {

	/** The sheet of the nodes, as the export names it and the import looks for it. */
	public static final String SHEET = "指标";

	/** More rows than any framework has: a sheet beyond it is refused before anything is read. */
	public static final int MAX_ROWS = 2000;

	static final Map<String, NodeLevel> LEVELS = vocabulary(NodeLevel.class, "大类", "项", "条", "加分", "扣分", "否决");

	static final Map<String, EvidenceKind> EVIDENCE = vocabulary(EvidenceKind.class, "文字", "图片", "视频", "记录", "展示点",
			"调查评议");

	static final Map<String, TestMethod> TEST_METHODS = vocabulary(TestMethod.class, "听取汇报", "材料审核", "实地检查", "问卷调查",
			"日常掌握");

	static final Map<String, ScoringMethod> SCORING = vocabulary(ScoringMethod.class, "扣分制", "分档", "比例", "是否", "评议");

	private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,19}");

	/** Points and deductions fit numeric(6, 2); targets numeric(12, 2). */
	private static final Pattern POINTS = Pattern.compile("\\d{1,4}(\\.\\d{1,2})?");

	private static final Pattern TARGET = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,，;；/\\s]+");

	private FrameworkRows() {
	}

	/** A row read: its node and the code of its parent (for an item or an article). */
	public record ParsedNode(int row, NodeContent content, @Nullable String parentCode) {
	}

	/**
	 * The nodes of {@code rows} (blank rows skipped), or every problem of every row at once.
	 * {@code existing} are the codes already in the version with their levels, which a row may
	 * name as its parent and may not take again (empty for an import, which replaces them all).
	 */
	public static List<ParsedNode> parse(String sheet, List<FrameworkRow> rows, Map<String, NodeLevel> existing) {
		var problems = new ArrayList<RowProblem>();
		var filled = rows.stream().filter(row -> !row.blank()).toList();
		if (filled.size() > MAX_ROWS) {
			throw new RowsRefusedException(List.of(RowProblem.of(sheet, 0, null, "framework.import.tooManyRows", String.valueOf(MAX_ROWS))));
		}
		// Every row's code and level first, so that a child may come before its parent.
		var levels = new HashMap<String, NodeLevel>(existing);
		var seen = new HashMap<String, Integer>();
		for (var row : filled) {
			var level = level(row.get(Column.LEVEL));
			var code = row.get(Column.CODE);
			if (level != null && !code.isEmpty()) {
				var first = seen.putIfAbsent(code, row.number());
				if (first == null && !existing.containsKey(code)) {
					levels.put(code, level);
				}
			}
		}
		var parsed = new ArrayList<ParsedNode>();
		var counted = new HashMap<String, Integer>();
		for (var row : filled) {
			var rowProblems = new ArrayList<RowProblem>();
			var node = parse(sheet, row, levels, existing, counted, rowProblems);
			problems.addAll(rowProblems);
			if (node != null && rowProblems.isEmpty()) {
				parsed.add(node);
			}
		}
		if (filled.isEmpty()) {
			problems.add(RowProblem.of(sheet, 0, null, "framework.import.noRows"));
		}
		if (!problems.isEmpty()) {
			throw new RowsRefusedException(problems);
		}
		return parsed;
	}

	private static @Nullable ParsedNode parse(String sheet, FrameworkRow row, Map<String, NodeLevel> levels,
			Map<String, NodeLevel> existing, Map<String, Integer> counted, List<RowProblem> problems) {
		var number = row.number();
		var levelText = row.get(Column.LEVEL);
		var level = level(levelText);
		if (level == null) {
			problems.add(RowProblem.of(sheet, number, Column.LEVEL, levelText.isEmpty() ? "framework.import.levelMissing"
					: "framework.import.level", levelText));
		}
		var code = row.get(Column.CODE);
		if (code.isEmpty()) {
			problems.add(RowProblem.of(sheet, number, Column.CODE, "framework.import.codeMissing"));
		}
		else if (!CODE.matcher(code).matches()) {
			problems.add(RowProblem.of(sheet, number, Column.CODE, "framework.import.code", code));
		}
		else if (existing.containsKey(code) || counted.merge(code, 1, Integer::sum) > 1) {
			problems.add(RowProblem.of(sheet, number, Column.CODE, "framework.import.duplicateCode", code));
		}
		var parent = row.get(Column.PARENT);
		if (level != null) {
			var expected = level.parentLevel().orElse(null);
			if (expected == null && !parent.isEmpty()) {
				problems.add(RowProblem.of(sheet, number, Column.PARENT, "framework.import.parentNotAllowed", levelText, parent));
			}
			else if (expected != null && parent.isEmpty()) {
				problems.add(RowProblem.of(sheet, number, Column.PARENT, "framework.import.parentMissing", levelText,
						label(LEVELS, expected)));
			}
			else if (expected != null && levels.get(parent) != expected) {
				problems.add(RowProblem.of(sheet, number, Column.PARENT, "framework.import.parentUnknown", parent,
						label(LEVELS, expected)));
			}
		}
		var title = row.get(Column.TITLE);
		if (title.isEmpty()) {
			problems.add(RowProblem.of(sheet, number, Column.TITLE, "framework.import.titleMissing"));
		}
		text(sheet, number, Column.TITLE, title, 200, false, problems);
		var requirement = row.get(Column.REQUIREMENT);
		text(sheet, number, Column.REQUIREMENT, requirement, 2000, true, problems);
		var source = row.get(Column.SOURCE);
		text(sheet, number, Column.SOURCE, source, 300, false, problems);

		BigDecimal points = null;
		var pointsText = row.get(Column.POINTS);
		if (level == NodeLevel.VETO) {
			if (!pointsText.isEmpty()) {
				problems.add(RowProblem.of(sheet, number, Column.POINTS, "framework.import.vetoPoints"));
			}
		}
		else if (pointsText.isEmpty()) {
			problems.add(RowProblem.of(sheet, number, Column.POINTS, "framework.import.pointsMissing"));
		}
		else {
			points = number(pointsText, POINTS);
			if (points == null) {
				problems.add(RowProblem.of(sheet, number, Column.POINTS, "framework.import.points", pointsText));
			}
		}
		var evidence = list(sheet, row, Column.EVIDENCE, EVIDENCE, EvidenceKind.class, "framework.import.evidence", problems);
		var testMethods = list(sheet, row, Column.TEST_METHODS, TEST_METHODS, TestMethod.class,
				"framework.import.testMethod", problems);

		var article = level == NodeLevel.ARTICLE;
		int before = problems.size();
		var methodText = row.get(Column.SCORING);
		ScoringMethod method = null;
		if (!methodText.isEmpty()) {
			method = lookUp(SCORING, ScoringMethod.class, methodText);
			if (method == null) {
				problems.add(RowProblem.of(sheet, number, Column.SCORING, "framework.import.scoring", methodText));
			}
			else if (level != null && !article) {
				problems.add(RowProblem.of(sheet, number, Column.SCORING, "framework.import.onlyArticles", levelText,
						Column.SCORING.header()));
			}
		}
		else if (article) {
			problems.add(RowProblem.of(sheet, number, Column.SCORING, "framework.import.scoringMissing"));
		}
		BigDecimal deduction = null;
		List<Tier> tiers = List.of();
		var parameter = row.get(Column.PARAMETER);
		if (method == ScoringMethod.DEDUCTION) {
			deduction = parameter.isEmpty() ? null : number(parameter, POINTS);
			if (deduction == null || deduction.signum() <= 0) {
				problems.add(RowProblem.of(sheet, number, Column.PARAMETER, "framework.import.deduction", parameter));
			}
		}
		else if (method == ScoringMethod.TIERS) {
			try {
				tiers = Tier.parse(parameter);
			}
			catch (BusinessRuleException ex) {
				tiers = List.of();
			}
			if (tiers.isEmpty()) {
				problems.add(RowProblem.of(sheet, number, Column.PARAMETER, "framework.import.tiers", parameter));
			}
		}
		else if (!parameter.isEmpty()) {
			problems.add(RowProblem.of(sheet, number, Column.PARAMETER, "framework.import.parameterNotAllowed",
					methodText.isEmpty() ? label(LEVELS, level) : methodText));
		}
		LiveMetric metric = null;
		var metricText = row.get(Column.METRIC);
		if (!metricText.isEmpty()) {
			metric = metric(metricText);
			if (metric == null) {
				problems.add(RowProblem.of(sheet, number, Column.METRIC, "framework.import.metric", metricText,
						String.join("、", java.util.Arrays.stream(LiveMetric.values()).map(Enum::name).toList())));
			}
			else if (level != null && !article) {
				problems.add(RowProblem.of(sheet, number, Column.METRIC, "framework.import.onlyArticles", levelText,
						Column.METRIC.header()));
			}
		}
		BigDecimal target = null;
		var targetText = row.get(Column.TARGET);
		if (!targetText.isEmpty()) {
			target = number(targetText.endsWith("%") ? targetText.substring(0, targetText.length() - 1) : targetText, TARGET);
			if (target == null) {
				problems.add(RowProblem.of(sheet, number, Column.TARGET, "framework.import.target", targetText));
			}
			else if (metricText.isEmpty()) {
				problems.add(RowProblem.of(sheet, number, Column.TARGET, "framework.import.targetWithoutMetric"));
			}
		}
		if (article && problems.size() == before && method != null && points != null) {
			// The method and its live figure agree, as Scoring itself says: 评议 is never scored from a figure, …
			new Scoring(method, points, deduction, tiers, metric, target).problem()
				.ifPresent(key -> problems.add(RowProblem.of(sheet, number, scoringColumn(key), key, code)));
		}
		if (level == null) {
			return null;
		}
		var content = new NodeContent(level, code, title, points, blankToNull(requirement), evidence, testMethods,
				article ? method : null, deduction, tiers, article ? metric : null, target, blankToNull(source));
		return new ParsedNode(number, content, parent.isEmpty() ? null : parent);
	}

	/** The row that writes {@code content}, under the parent coded {@code parentCode}. */
	public static FrameworkRow row(int number, NodeContent content, @Nullable String parentCode) {
		var cells = new LinkedHashMap<Column, @Nullable String>();
		cells.put(Column.LEVEL, label(LEVELS, content.level()));
		cells.put(Column.CODE, content.code());
		cells.put(Column.PARENT, parentCode);
		cells.put(Column.TITLE, content.title());
		cells.put(Column.POINTS, content.points() == null ? null : FrameworkChecks.plain(content.points()));
		cells.put(Column.REQUIREMENT, content.requirement());
		cells.put(Column.EVIDENCE, labels(EVIDENCE, content.evidenceKinds()));
		cells.put(Column.TEST_METHODS, labels(TEST_METHODS, content.testMethods()));
		cells.put(Column.SCORING, content.scoringMethod() == null ? null : label(SCORING, content.scoringMethod()));
		var parameter = content.scoringMethod() == ScoringMethod.DEDUCTION && content.deduction() != null
				? FrameworkChecks.plain(content.deduction())
				: content.scoringMethod() == ScoringMethod.TIERS ? Tier.format(content.tiers()) : null;
		cells.put(Column.PARAMETER, parameter);
		cells.put(Column.METRIC, content.metric() == null ? null : content.metric().name());
		cells.put(Column.TARGET, content.target() == null ? null : FrameworkChecks.plain(content.target()));
		cells.put(Column.SOURCE, content.source());
		return FrameworkRow.of(number, cells);
	}

	/**
	 * The rows of a CSV in the format of the demo files (UTF-8, a header of the thirteen columns,
	 * fields quoted only where they hold a comma or a quote); a wrong header is refused as the
	 * import refuses it. Row numbers are line numbers, the header being line 1.
	 */
	public static List<FrameworkRow> csv(Reader reader) throws IOException {
		var lines = new BufferedReader(reader);
		var header = lines.readLine();
		if (header != null && header.startsWith("\uFEFF")) {
			header = header.substring(1);
		}
		if (header == null || !fields(header).equals(Column.headers())) {
			throw new RowsRefusedException(List.of(RowProblem.of(SHEET, 1, null, "framework.import.header",
					String.join("、", Column.headers()))));
		}
		var rows = new ArrayList<FrameworkRow>();
		int number = 1;
		for (String line = lines.readLine(); line != null; line = lines.readLine()) {
			rows.add(new FrameworkRow(++number, fields(line)));
		}
		return rows;
	}

	/** The fields of one CSV line, RFC 4180 quotes understood (no line breaks inside a field). */
	private static List<String> fields(String line) {
		var fields = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/** The level a row's 层级 names, in the sheet's words or as the code writes it. */
	static @Nullable NodeLevel level(String text) {
		return lookUp(LEVELS, NodeLevel.class, text);
	}

	static <E extends Enum<E>> String label(Map<String, E> vocabulary, @Nullable E value) {
		if (value == null) {
			return "";
		}
		return vocabulary.entrySet().stream().filter(e -> e.getValue() == value).findFirst().orElseThrow().getKey();
	}

	/** The values' words in the enum's order, joined with 、. */
	static <E extends Enum<E>> String labels(Map<String, E> vocabulary, Set<E> values) {
		return String.join("、", vocabulary.entrySet()
			.stream()
			.filter(e -> values.contains(e.getValue()))
			.map(Map.Entry::getKey)
			.toList());
	}

	/** The value a word (or the enum's own name, any case) stands for; null for neither. */
	static <E extends Enum<E>> @Nullable E lookUp(Map<String, E> vocabulary, Class<E> type, String text) {
		var word = vocabulary.get(text);
		if (word != null) {
			return word;
		}
		for (var value : type.getEnumConstants()) {
			if (value.name().equalsIgnoreCase(text)) {
				return value;
			}
		}
		return null;
	}

	/** A number with at most two decimals as {@code pattern} bounds it, full-width digits allowed; null otherwise. */
	static @Nullable BigDecimal number(String text, Pattern pattern) {
		var digits = FormText.digits(text);
		return digits != null && pattern.matcher(digits).matches() ? new BigDecimal(digits) : null;
	}

	/** Points as a form or the settings sheet writes them (0 to 9999.99, two decimals at most); null otherwise. */
	public static @Nullable BigDecimal points(@Nullable String text) {
		return text == null ? null : number(text.strip(), POINTS);
	}

	private static @Nullable LiveMetric metric(String text) {
		for (var metric : LiveMetric.values()) {
			if (metric.name().equals(text.toUpperCase(Locale.ROOT))) {
				return metric;
			}
		}
		return null;
	}

	/** The values a list cell names (separated by 、 or commas), each unknown word a problem. */
	private static <E extends Enum<E>> Set<E> list(String sheet, FrameworkRow row, Column column, Map<String, E> vocabulary,
			Class<E> type, String key, List<RowProblem> problems) {
		var values = EnumSet.noneOf(type);
		var text = row.get(column);
		if (text.isEmpty()) {
			return values;
		}
		for (var word : LIST_SEPARATOR.split(text)) {
			if (word.isEmpty()) {
				continue;
			}
			var value = lookUp(vocabulary, type, word);
			if (value == null) {
				problems.add(RowProblem.of(sheet, row.number(), column, key, word, String.join("、", vocabulary.keySet())));
			}
			else {
				values.add(value);
			}
		}
		return values;
	}

	private static void text(String sheet, int number, Column column, String text, int max, boolean multiline,
			List<RowProblem> problems) {
		if (FormText.hasControlCharacters(text, multiline)) {
			problems.add(RowProblem.of(sheet, number, column, "framework.import.controlCharacters", column.header()));
		}
		else if (FormText.tooLong(text, max)) {
			problems.add(RowProblem.of(sheet, number, column, "framework.import.tooLong", column.header(), String.valueOf(max)));
		}
	}

	private static Column scoringColumn(String key) {
		return switch (key) {
			case "framework.problem.deduction", "framework.problem.tiers" -> Column.PARAMETER;
			case "framework.problem.target" -> Column.TARGET;
			default -> Column.METRIC;
		};
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	private static <E extends Enum<E>> Map<String, E> vocabulary(Class<E> type, String... words) {
		var constants = type.getEnumConstants();
		if (constants.length != words.length) {
			throw new IllegalStateException("A word for each " + type.getSimpleName());
		}
		var map = new LinkedHashMap<String, E>();
		for (int i = 0; i < words.length; i++) {
			map.put(words[i], constants[i]);
		}
		return java.util.Collections.unmodifiableMap(map);
	}

}
