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
 * Text as a person types it: trimmed, at most {@link #max} characters as people count them (an
 * emoji or a full-width character is one), and no control characters, which nobody types; a
 * {@link #multiline} text area may hold line breaks and tabs. Emoji, full-width and Tibetan text
 * are legitimate and pass.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE })
@Retention(RUNTIME)
public @interface PlainText {

	String CONTROL_CHARACTERS = "{validation.text.controlCharacters}";

	int max();

	boolean multiline() default false;

	/** Said when the text is too long; a control character is always {@value #CONTROL_CHARACTERS}. */
	String message() default "{validation.text.tooLong}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<PlainText, CharSequence> {

		private int max;

		private boolean multiline;

		@Override
		public void initialize(PlainText constraint) {
			this.max = constraint.max();
			this.multiline = constraint.multiline();
		}

		@Override
		public boolean isValid(@Nullable CharSequence value, ConstraintValidatorContext context) {
			var text = FormText.clean(value == null ? null : value.toString());
			if (FormText.hasControlCharacters(text, multiline)) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(CONTROL_CHARACTERS).addConstraintViolation();
				return false;
			}
			return !FormText.tooLong(text, max);
		}

	}

}
