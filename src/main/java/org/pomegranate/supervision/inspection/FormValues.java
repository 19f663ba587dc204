package org.pomegranate.supervision.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;

/** Reads the text of the supervision forms: dates, ids and lists of them. Empty where the text does not read. */
public final class FormValues {

	private FormValues() {
	}

	/** A date typed as 2024-03-24; empty for blank or anything else. */
	public static Optional<LocalDate> date(@Nullable String text) {
		var value = FormText.clean(text);
		if (value == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	public static boolean blank(@Nullable String text) {
		return FormText.clean(text) == null;
	}

	/** A positive id; empty for blank or anything else. */
	public static Optional<Long> id(@Nullable String text) {
		var value = FormText.clean(text);
		if (value == null || !value.matches("\\d{1,15}")) {
			return Optional.empty();
		}
		long id = Long.parseLong(value);
		return id > 0 ? Optional.of(id) : Optional.empty();
	}

	/** The items of a list typed one a line or separated by commas (, ，、 or spaces), each cleaned, without repeats. */
	public static List<String> items(@Nullable String text) {
		var items = new LinkedHashSet<String>();
		if (text != null) {
			for (var part : text.split("[\\n\\r,，、;；\\s]+")) {
				var value = FormText.clean(part);
				if (value != null) {
					items.add(value);
				}
			}
		}
		return new ArrayList<>(items);
	}

	/** The ids of a list, or empty when any item is not an id. */
	public static Optional<List<Long>> ids(@Nullable String text) {
		var ids = new ArrayList<Long>();
		for (var item : items(text)) {
			var id = id(item);
			if (id.isEmpty()) {
				return Optional.empty();
			}
			ids.add(id.get());
		}
		return Optional.of(ids);
	}

}
