package org.pomegranate.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A form refused by a service, with what is wrong with each field: broken constraints of the form
 * record (every {@code @Validated} service answers with this rather than a
 * {@code ConstraintViolationException}), or a rule the service checks against other records.
 * Field names are the form's property paths, so a page puts each message beside its field and the
 * spreadsheet import beside its cell.
 */
public class InvalidInputException extends BusinessRuleException {

	private final List<Problem> problems;

	InvalidInputException(Map<String, String> problems) {
		this(problems.entrySet().stream().map(problem -> new Problem(problem.getKey(), problem.getValue(), null)).toList());
	}

	private InvalidInputException(List<Problem> problems) {
		super(problems.get(0).messageKey());
		this.problems = List.copyOf(problems);
	}

	/**
	 * The constraint violations of a method's arguments, the first per field, fields in the order
	 * the form record declares them. Messages are already interpolated in the caller's language.
	 */
	public static InvalidInputException of(Collection<? extends ConstraintViolation<?>> violations) {
		var sorted = new ArrayList<ConstraintViolation<?>>(violations);
		sorted.sort(Comparator.<ConstraintViolation<?>>comparingInt(InvalidInputException::position)
			.thenComparing(InvalidInputException::field)
			.thenComparing(ConstraintViolation::getMessageTemplate));
		var byField = new LinkedHashMap<String, Problem>();
		for (var violation : sorted) {
			var field = field(violation);
			byField.putIfAbsent(field, new Problem(field, messageKey(violation.getMessageTemplate()), violation.getMessage()));
		}
		return new InvalidInputException(List.copyOf(byField.values()));
	}

	/** The message key of each wrong field, by field name. */
	public Map<String, String> problems() {
		var keys = new LinkedHashMap<String, String>();
		problems.forEach(problem -> keys.put(problem.field(), problem.messageKey()));
		return Collections.unmodifiableMap(keys);
	}

	/** The first problem, for a page that shows one message rather than one beside each field. */
	public Problem firstProblem() {
		return problems.get(0);
	}

	/**
	 * Puts each problem beside its field of the form shown again, which then shows what was typed;
	 * problems of {@code formWideFields} (uploads, which the form does not hold) go above the form.
	 */
	public void addTo(BindingResult result, String... formWideFields) {
		var formWide = Set.of(formWideFields);
		for (var problem : problems) {
			if (problem.field().isEmpty() || formWide.contains(problem.field())) {
				result.addError(new ObjectError(result.getObjectName(), problem.getCodes(), null, problem.message()));
			}
			else if (problem.message() == null) {
				result.rejectValue(problem.field(), problem.messageKey());
			}
			else {
				result.addError(new FieldError(result.getObjectName(), problem.field(),
						result.getRawFieldValue(problem.field()), false, problem.getCodes(), null, problem.message()));
			}
		}
	}

	/**
	 * What is wrong with one field: a message key, and for a broken constraint the message already
	 * interpolated ("不能超过 50 个字。"), which is then what the user reads.
	 */
	public record Problem(String field, String messageKey, @Nullable String message) implements MessageSourceResolvable {

		@Override
		public String @Nullable [] getCodes() {
			// An interpolated message is final: its key holds {max}-style parameters no MessageFormat fills.
			return message == null ? new String[] { messageKey } : null;
		}

		@Override
		public @Nullable String getDefaultMessage() {
			return message;
		}

	}

	/** The property path below the method's parameter (headName, categories), or the parameter's name. */
	private static String field(ConstraintViolation<?> violation) {
		var properties = new ArrayList<String>();
		String parameter = "";
		for (var node : violation.getPropertyPath()) {
			if (node.getKind() == ElementKind.PROPERTY) {
				properties.add(node.getName());
			}
			else if (node.getKind() == ElementKind.PARAMETER) {
				parameter = node.getName();
			}
		}
		return properties.isEmpty() ? parameter : String.join(".", properties);
	}

	private static int position(ConstraintViolation<?> violation) {
		var bean = violation.getLeafBean();
		if (bean == null || !bean.getClass().isRecord()) {
			return Integer.MAX_VALUE;
		}
		var path = field(violation);
		var name = path.substring(path.lastIndexOf('.') + 1);
		var components = Arrays.stream(bean.getClass().getRecordComponents()).map(c -> c.getName()).toList();
		return components.contains(name) ? components.indexOf(name) : Integer.MAX_VALUE;
	}

	/** The key of a template that is one bundle key, "{validation.phone}"; any other template as it is. */
	private static String messageKey(String template) {
		return template.length() > 2 && template.startsWith("{") && template.indexOf('}') == template.length() - 1
				? template.substring(1, template.length() - 1) : template;
	}

}
