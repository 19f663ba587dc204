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

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.FormText;

/**
 * A whole number typed into a text field (full-width digits allowed, as
 * {@link FormText#wholeNumber} reads them), from {@link #min} to {@link #max}.
 */
@Documented
@Constraint(validatedBy = WholeNumber.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface WholeNumber {

	int min() default 0;

	int max() default Integer.MAX_VALUE;

	String message() default "{validation.number.range}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<WholeNumber, CharSequence> {

		private int min;

		private int max;

		@Override
		public void initialize(WholeNumber constraint) {
			this.min = constraint.min();
			this.max = constraint.max();
		}

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var text = FormText.clean(value == null ? null : value.toString());
			if (text == null) {
				return true;
			}
			var number = FormText.wholeNumber(text);
			return number != null && number >= min && number <= max;
		}

	}

}
