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
 * The code of a village (村/社区) as typed: 12 digits. Whether such a village exists, is still in
 * use and lies in the user's region needs the region table, so the service checks that with the
 * same message.
 */
@Documented
@Constraint(validatedBy = VillageCode.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface VillageCode {

	/** The length of a village code, in the significant-prefix form region codes are kept in. */
	int LENGTH = 12;

	String message() default "{validation.villageCode}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<VillageCode, CharSequence> {

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var text = FormText.clean(value == null ? null : value.toString());
			return text == null || (text.length() == LENGTH && text.chars().allMatch(c -> c >= '0' && c <= '9'));
		}

	}

}
