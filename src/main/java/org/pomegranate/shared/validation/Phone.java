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
import org.pomegranate.shared.Masking;

/**
 * A mobile (13812341234) or landline (0836-2812345) number as typed: spaces and full-width digits
 * allowed, as {@link FormText#phone} reads them. With {@link #masked}, also the stored number as an
 * edit form shows it (138****1234), which the service keeps if it is the stored one.
 */
@Documented
@Constraint(validatedBy = Phone.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface Phone {

	String message() default "{validation.phone}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** A masked number passes too: an edit form that shows the stored number masked sends it back so. */
	boolean masked() default false;

	class Validator implements ConstraintValidator<Phone, CharSequence> {

		private boolean masked;

		@Override
		public void initialize(Phone annotation) {
			this.masked = annotation.masked();
		}

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var phone = FormText.phone(value == null ? null : value.toString());
			return FormText.validPhone(phone) || (masked && Masking.isMaskedPhone(phone));
		}

	}

}
