package org.pomegranate.shared.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.FormText;

/**
 * A date typed as the date field sends it (2024-02-05): a real date, not after today in China, and
 * not before {@link #since} when one is given. Today comes from the validator's clock, which is the
 * application's {@code Clock}.
 */
@Documented
@Constraint(validatedBy = NotFuture.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface NotFuture {

	String NOT_A_DATE = "{validation.date}";

	/** The earliest date accepted, as 2000-01-01; empty for none. Earlier is {@value #NOT_A_DATE}. */
	String since() default "";

	/** Said when the date is after today; one that is not a date is {@value #NOT_A_DATE}. */
	String message() default "{validation.futureDate}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<NotFuture, CharSequence> {

		private @Nullable LocalDate since;

		@Override
		public void initialize(NotFuture constraint) {
			this.since = constraint.since().isEmpty() ? null : LocalDate.parse(constraint.since());
		}

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var text = FormText.clean(value == null ? null : value.toString());
			if (text == null) {
				return true;
			}
			var date = FormText.date(text);
			if (date == null || (since != null && date.isBefore(since))) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(NOT_A_DATE).addConstraintViolation();
				return false;
			}
			return !date.isAfter(ChinaTime.today(context.getClockProvider().getClock()));
		}

	}

}
