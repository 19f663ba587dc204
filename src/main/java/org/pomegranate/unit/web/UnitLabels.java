package org.pomegranate.unit.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.MessageLabels;
import org.pomegranate.unit.network.MemberRole;
import org.pomegranate.unit.network.UnitKind;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Labels of the unit pages in the user's language, for exports and the unit's history (templates use the bundles directly). */
@Component
class UnitLabels extends MessageLabels {

	/** The kinds and roles a history line names by code ("WORK_STUDIO", "HEAD"), as whole words. */
	private static final Pattern CODES = Pattern.compile("(?<![A-Z_])("
			+ Stream.concat(Stream.of(UnitKind.values()), Stream.of(MemberRole.values()))
				.map(Enum::name)
				.sorted((a, b) -> b.length() - a.length())
				.collect(Collectors.joining("|"))
			+ ")(?![A-Z_])");

	UnitLabels(MessageSource messages) {
		super(messages);
	}

	/**
	 * A line of a unit's history as the user reads it: the kinds and roles it was written with by
	 * code in their words. The history is append-only, so the lines already written are read this way
	 * rather than rewritten.
	 */
	String historyDetail(@Nullable String detail) {
		if (detail == null) {
			return "";
		}
		return CODES.matcher(detail).replaceAll(match -> Matcher.quoteReplacement(label(match.group(1))));
	}

	private String label(String code) {
		for (var kind : UnitKind.values()) {
			if (kind.name().equals(code)) {
				return of(kind);
			}
		}
		return of(MemberRole.valueOf(code));
	}

}
