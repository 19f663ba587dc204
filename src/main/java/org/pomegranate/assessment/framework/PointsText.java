package org.pomegranate.assessment.framework;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;

/**
 * Points typed into a text field (90, 2.5; full-width digits allowed): 0 to 9999.99 with at most
 * two decimals, as {@link FrameworkRows#points} reads them. Blank passes; {@code @Required} says
 * whether it must be filled.
 */
@Documented
@Constraint(validatedBy = PointsText.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, RECORD_COMPONENT })
@Retention(RUNTIME)
public @interface PointsText {

	String message() default "{framework.validation.points}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PointsText, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var text = FormText.clean(value == null ? null : value.toString());
			return text == null || FrameworkRows.points(text) != null;
		}

	}

}
