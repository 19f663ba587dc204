package org.pomegranate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as the users write them: {@code 2024年2月5日} in Chinese, {@code 5 Feb 2024} in English,
 * always in China's time zone whatever the server's. Templates call {@code ${@dates.date(d)}}.
 */
@Component("dates")
class DateFormats {

	private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	public String date(@Nullable LocalDate date) {
		if (date == null) {
			return "";
		}
		return (isChinese() ? CHINESE_DATE : ENGLISH_DATE).format(date);
	}

	public String dateTime(@Nullable Instant instant) {
		if (instant == null) {
			return "";
		}
		var local = instant.atZone(ChinaTime.ZONE);
		return date(local.toLocalDate()) + " " + TIME.format(local);
	}

	private static boolean isChinese() {
		return "zh".equals(LocaleContextHolder.getLocale().getLanguage());
	}

}
