package org.pomegranate.dataimport.engine;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DateUtil;
import org.jspecify.annotations.Nullable;
import org.pomegranate.dataimport.ImportColumn;

/**
 * Cleans one cell by its column's type before the kind sees it: spaces (full-width and no-break
 * too) trimmed, full-width digits and letters made ASCII where a code or number is meant, dates
 * in the common Chinese forms or as Excel serial numbers made ISO, dictionary entries found by
 * code or name, regions by code, name or 乡镇/村. What it cannot clean it names as a message key.
 */
public final class CellCleaner {

	private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE][+-]?\\d+");

	private static final Pattern DATE = Pattern
		.compile("(\\d{4})\\s*[年/.\\-]\\s*(\\d{1,2})\\s*[月/.\\-]\\s*(\\d{1,2})\\s*日?");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern REGION_CODE = Pattern.compile("\\d{12}");

	private static final Pattern LIST_SEPARATORS = Pattern.compile("[、，,；;/\\s]+");

	private CellCleaner() {
	}

	/** The cleaned text, or the problem (a message key of {@code dataimport.properties} and its argument). */
	public record Cleaned(String value, @Nullable String problem, @Nullable Object argument) {

		static Cleaned ok(String value) {
			return new Cleaned(value, null, null);
		}

		static Cleaned wrong(String value, String problem, @Nullable Object argument) {
			return new Cleaned(value, problem, argument);
		}

	}

	public static Cleaned clean(ImportColumn column, String raw, boolean numeric) {
		var text = trim(raw);
		if (text.isEmpty()) {
			return column.required() ? Cleaned.wrong("", "import.cell.required", null) : Cleaned.ok("");
		}
		return switch (column.type()) {
			case TEXT -> Cleaned.ok(text);
			case ID_NUMBER, PHONE -> {
				var ascii = ascii(text).replace(" ", "").toUpperCase(Locale.ROOT);
				yield numeric && ascii.length() > 11 || SCIENTIFIC.matcher(ascii).matches()
						? Cleaned.wrong(ascii, "import.cell.scientific", null) : Cleaned.ok(ascii);
			}
			case NUMBER -> {
				var ascii = ascii(text);
				yield Cleaned.ok(ascii.endsWith(".0") ? ascii.substring(0, ascii.length() - 2) : ascii);
			}
			case DATE -> date(ascii(text), numeric);
			case ENUM -> {
				var code = lookUp(column.dictionary(), text);
				yield code == null ? Cleaned.wrong(text, "import.cell.enum", null) : Cleaned.ok(code);
			}
			case ENUM_LIST -> {
				var codes = new LinkedHashSet<String>();
				for (var part : LIST_SEPARATORS.split(text)) {
					if (part.isEmpty()) {
						continue;
					}
					var code = lookUp(column.dictionary(), part);
					if (code == null) {
						yield Cleaned.wrong(text, "import.cell.enumList", part);
					}
					codes.add(code);
				}
				yield Cleaned.ok(String.join(",", codes));
			}
			case REGION -> region(column.dictionary(), ascii(text));
		};
	}

	private static Cleaned date(String text, boolean numeric) {
		try {
			if (numeric || text.matches("\\d{5}(\\.\\d+)?")) {
				return Cleaned.ok(DateUtil.getLocalDateTime(Double.parseDouble(text)).toLocalDate().toString());
			}
			var matcher = DATE.matcher(text);
			if (!matcher.matches()) {
				matcher = COMPACT_DATE.matcher(text);
			}
			if (matcher.matches()) {
				return Cleaned.ok(LocalDate.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
						Integer.parseInt(matcher.group(3))).toString());
			}
		}
		catch (DateTimeException | NumberFormatException ex) {
			// Falls through: 2024年2月30日 is no date either.
		}
		return Cleaned.wrong(text, "import.cell.date", null);
	}

	/**
	 * A region by its 12-digit code anywhere in the cell (a code outside the dictionary goes on, so
	 * that the kind's own scope check refuses it), else by 乡镇/村 or 乡镇村, else by the village's
	 * name alone when only one village has it.
	 */
	private static Cleaned region(Map<String, String> villages, String text) {
		// A kind whose records sit above the villages (a cadre of a township) lists those codes too.
		if (villages.containsKey(text)) {
			return Cleaned.ok(text);
		}
		var code = REGION_CODE.matcher(text);
		if (code.find()) {
			return Cleaned.ok(code.group());
		}
		var compact = text.replace(" ", "");
		var matches = new ArrayList<String>();
		for (var entry : villages.entrySet()) {
			var path = entry.getValue();
			var village = path.substring(path.lastIndexOf('/') + 1);
			if (path.equals(compact) || path.replace("/", "").equals(compact)) {
				return Cleaned.ok(entry.getKey());
			}
			if (village.equals(compact)) {
				matches.add(entry.getKey());
			}
		}
		if (matches.size() == 1) {
			return Cleaned.ok(matches.get(0));
		}
		if (matches.isEmpty()) {
			return Cleaned.wrong(text, "import.cell.regionUnknown", null);
		}
		var choices = new ArrayList<String>();
		for (var match : matches) {
			choices.add(villages.get(match) + " " + match);
		}
		return Cleaned.wrong(text, "import.cell.regionAmbiguous", String.join("；", choices));
	}

	private static @Nullable String lookUp(Map<String, String> dictionary, String text) {
		if (dictionary.containsKey(text)) {
			return text;
		}
		for (var entry : dictionary.entrySet()) {
			if (entry.getValue().equals(text)) {
				return entry.getKey();
			}
		}
		return null;
	}

	/** Trimmed of every kind of space Chinese input methods and Excel leave, inside kept. */
	static String trim(@Nullable String raw) {
		if (raw == null) {
			return "";
		}
		return raw.replace('\u3000', ' ').replace('\u00A0', ' ').strip();
	}

	/** Full-width ASCII (０-９, Ａ-Ｚ, －, ．, ／) made half-width. */
	static String ascii(String text) {
		var builder = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			builder.append(c >= '\uFF01' && c <= '\uFF5E' ? (char) (c - 0xFEE0) : c == '\u3000' ? ' ' : c);
		}
		return builder.toString();
	}

	/** A header as typed, for matching: no marks of required, no spaces, half-width. */
	public static String header(String raw) {
		return ascii(trim(raw)).replace("*", "").replace("(必填)", "").replace("必填", "").replace(" ", "")
			.replace("(", "").replace(")", "");
	}

}
