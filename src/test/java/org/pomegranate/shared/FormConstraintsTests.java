package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.Phone;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.VillageCode;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * The shared constraints on their own, without Spring: what each accepts as typed, and the message
 * template (one bundle key per rule) of what it refuses. Blank passes all of them.
 */
class FormConstraintsTests {

	/** 2024-02-05 16:30 UTC is already 2024-02-06 in China. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-02-05T16:30:00Z"), ZoneOffset.UTC);

	private static ValidatorFactory factory;

	private static Validator validator;

	record Form(@PlainText(max = 5) @Nullable String line, @PlainText(max = 5, multiline = true) @Nullable String text,
			@Phone @Nullable String phone, @NotFuture(since = "2000-01-01") @Nullable String date,
			@WholeNumber(min = 1, max = 50) @Nullable String count, @VillageCode @Nullable String village,
			@Required @Nullable String name) {

		static Form blank() {
			return new Form(null, "  ", "", null, " ", "", "扎西");
		}

		Form line(String value) {
			return new Form(value, text, phone, date, count, village, name);
		}

		Form text(String value) {
			return new Form(line, value, phone, date, count, village, name);
		}

		Form phone(String value) {
			return new Form(line, text, value, date, count, village, name);
		}

		Form date(String value) {
			return new Form(line, text, phone, value, count, village, name);
		}

		Form count(String value) {
			return new Form(line, text, phone, date, value, village, name);
		}

		Form village(String value) {
			return new Form(line, text, phone, date, count, value, name);
		}

		Form name(@Nullable String value) {
			return new Form(line, text, phone, date, count, village, value);
		}

	}

	@BeforeAll
	static void validator() {
		factory = Validation.byDefaultProvider().configure().clockProvider(() -> CLOCK).buildValidatorFactory();
		validator = factory.getValidator();
	}

	@AfterAll
	static void close() {
		factory.close();
	}

	@Test
	void blankPassesEveryConstraintButRequired() {
		assertThat(refused(Form.blank())).isEmpty();
		assertThat(refused(Form.blank().name(null))).containsExactly("name {validation.required}");
		assertThat(refused(Form.blank().name(" \t"))).containsExactly("name {validation.required}");
		// A full-width space is blank too, which @NotBlank would let through.
		assertThat(refused(Form.blank().name("\u3000"))).containsExactly("name {validation.required}");
	}

	@Test
	void plainTextCountsCharactersAsPeopleDoAndRefusesControlCharacters() {
		assertThat(refused(Form.blank().line(" 🔥🔥取暖Ａ "))).isEmpty();
		assertThat(refused(Form.blank().line("🔥🔥取暖ＡＢ"))).containsExactly("line {validation.text.tooLong}");
		assertThat(refused(Form.blank().line("取\u0000暖"))).containsExactly("line {validation.text.controlCharacters}");
		assertThat(refused(Form.blank().line("取\u0007暖"))).containsExactly("line {validation.text.controlCharacters}");
		assertThat(refused(Form.blank().line("取\t暖"))).containsExactly("line {validation.text.controlCharacters}");
		assertThat(refused(Form.blank().line("取\n暖"))).containsExactly("line {validation.text.controlCharacters}");
		assertThat(refused(Form.blank().text("取\r\n\t暖"))).isEmpty();
		assertThat(refused(Form.blank().text("取\u0000暖"))).containsExactly("text {validation.text.controlCharacters}");
		assertThat(refused(Form.blank().text("取\u007F暖"))).containsExactly("text {validation.text.controlCharacters}");
	}

	@Test
	void phonesAreMobilesOrLandlinesAsChineseInputMethodsTypeThem() {
		assertThat(refused(Form.blank().phone("138 1234 1234"))).isEmpty();
		assertThat(refused(Form.blank().phone("１３８１２３４１２３４"))).isEmpty();
		assertThat(refused(Form.blank().phone("0836－2812345"))).isEmpty();
		assertThat(refused(Form.blank().phone("12345"))).containsExactly("phone {validation.phone}");
		assertThat(refused(Form.blank().phone("2812345"))).containsExactly("phone {validation.phone}");
	}

	@Test
	void aTypedDateIsARealDayNotAfterTodayInChina() {
		assertThat(refused(Form.blank().date("2024-02-06"))).isEmpty();
		assertThat(refused(Form.blank().date("2024-02-07"))).containsExactly("date {validation.futureDate}");
		assertThat(refused(Form.blank().date("2024-02-30"))).containsExactly("date {validation.date}");
		assertThat(refused(Form.blank().date("去年"))).containsExactly("date {validation.date}");
		assertThat(refused(Form.blank().date("1999-12-31"))).containsExactly("date {validation.date}");
		assertThat(refused(Form.blank().date("2000-01-01"))).isEmpty();
	}

	@Test
	void wholeNumbersAreTypedInTheirRange() {
		assertThat(refused(Form.blank().count("1"))).isEmpty();
		assertThat(refused(Form.blank().count("５０"))).isEmpty();
		assertThat(refused(Form.blank().count("0"))).containsExactly("count {validation.number.range}");
		assertThat(refused(Form.blank().count("51"))).containsExactly("count {validation.number.range}");
		assertThat(refused(Form.blank().count("2.5"))).containsExactly("count {validation.number.range}");
		assertThat(refused(Form.blank().count("99999999999"))).containsExactly("count {validation.number.range}");
	}

	@Test
	void aVillageCodeHasTwelveDigits() {
		assertThat(refused(Form.blank().village("513301001001"))).isEmpty();
		assertThat(refused(Form.blank().village("513301001"))).containsExactly("village {validation.villageCode}");
		assertThat(refused(Form.blank().village("51330100100x"))).containsExactly("village {validation.villageCode}");
	}

	private static List<String> refused(Form form) {
		return validator.validate(form)
			.stream()
			.map(FormConstraintsTests::describe)
			.sorted()
			.toList();
	}

	private static String describe(ConstraintViolation<Form> violation) {
		return violation.getPropertyPath() + " " + violation.getMessageTemplate();
	}

}
