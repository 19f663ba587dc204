package org.pomegranate.dataimport;

import java.util.List;
import java.util.Map;

/**
 * One column of a kind's sheet: the form field it fills, its header (required columns marked
 * with * in the template), other headers the counties' own sheets use for it, whether it must be
 * filled, and its type. An enum, enum-list or region column carries its dictionary (code → name),
 * which becomes the template's drop-down list and what a typed name is matched against.
 */
public record ImportColumn(String field, String header, List<String> synonyms, boolean required, ColumnType type,
		Map<String, String> dictionary) {

	public static ImportColumn of(String field, String header, ColumnType type, String... synonyms) {
		return new ImportColumn(field, header, List.of(synonyms), false, type, Map.of());
	}

	public ImportColumn mustBeFilled() {
		return new ImportColumn(field, header, synonyms, true, type, dictionary);
	}

	public ImportColumn withDictionary(Map<String, String> codesToNames) {
		return new ImportColumn(field, header, synonyms, required, type, codesToNames);
	}

	/** What a cell of a column holds, and so how the engine cleans it before the kind sees it. */
	public enum ColumnType {

		TEXT, ID_NUMBER, PHONE, DATE, NUMBER,
		/** One entry of the dictionary, by code or name. */
		ENUM,
		/** Several entries, separated by 、，,；; or spaces. */
		ENUM_LIST,
		/** A region in the user's scope by its code, its name, or 乡镇/村 when the name alone is ambiguous. */
		REGION

	}

}
