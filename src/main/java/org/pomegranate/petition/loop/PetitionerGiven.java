package org.pomegranate.petition.loop;

import static java.lang.annotation.ElementType.TYPE;
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
 * Who petitions and where: typed on the form, unless the petition comes from a household (or a
 * visit to one), whose head and village it then takes.
 */
@Documented
@Constraint(validatedBy = PetitionerGiven.Validator.class)
@Target(TYPE)
@Retention(RUNTIME)
public @interface PetitionerGiven {

	String message() default "{validation.required}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PetitionerGiven, PetitionForm> {

		@Override
		public boolean isValid(@Nullable PetitionForm form, ConstraintValidatorContext context) {
			if (form == null || form.householdId() != null || form.visitId() != null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if (FormText.clean(form.petitionerName()) == null) {
				context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
					.addPropertyNode("petitionerName")
					.addConstraintViolation();
				valid = false;
			}
			if (FormText.clean(form.regionCode()) == null) {
				context.buildConstraintViolationWithTemplate("{validation.villageCode}")
					.addPropertyNode("regionCode")
					.addConstraintViolation();
				valid = false;
			}
			return valid;
		}

	}

}
