package org.pomegranate.dataimport.engine;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 records (quotes, doubled quotes, line breaks inside quotes) with a sniffed delimiter. */
final class Csv {

	private static final char[] DELIMITERS = { ',', '\t', ';', '|', '，' };

	private Csv() {
	}

	/** The delimiter that occurs most often outside quotes in the first line; a comma when none does. */
	static char sniffDelimiter(String text) {
		int[] counts = new int[DELIMITERS.length];
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && (c == '\n' || c == '\r')) {
				break;
			}
			else if (!quoted) {
				for (int d = 0; d < DELIMITERS.length; d++) {
					if (c == DELIMITERS[d]) {
						counts[d]++;
					}
				}
			}
		}
		int best = 0;
		for (int d = 1; d < DELIMITERS.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return DELIMITERS[best];
	}

	static List<List<String>> parse(String text, char delimiter) {
		var records = new ArrayList<List<String>>();
		var record = new ArrayList<String>();
		var field = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			any = true;
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
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
			else if (c == '"' && field.isEmpty()) {
				quoted = true;
			}
			else if (c == delimiter) {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				any = false;
			}
			else {
				field.append(c);
			}
		}
		if (any) {
			record.add(field.toString());
			records.add(record);
		}
		return records;
	}

}
