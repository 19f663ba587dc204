package org.pomegranate.assessment.framework;

import java.util.ArrayList;

import org.pomegranate.shared.MessageLabels;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The framework's words in the user's language: a problem that stops publishing ("第2大类各项合计
 * 14分，应为15分。"), a refused row ("“指标”表第7行（分值）：…"), and the enums' labels.
 */
@Component
public class FrameworkLabels extends MessageLabels {

	FrameworkLabels(MessageSource messages) {
		super(messages);
	}

	/** A problem of {@link FrameworkChecks}: its message with the node's code first. */
	public String of(FrameworkProblem problem) {
		var arguments = new ArrayList<Object>();
		arguments.add(problem.code());
		arguments.addAll(problem.arguments());
		return text(problem.key(), arguments.toArray());
	}

	/** A refused row with where it is: the sheet, the row and the column, where it has them. */
	public String of(RowProblem problem) {
		var message = text(problem);
		if (problem.sheet().isEmpty()) {
			return message;
		}
		var column = problem.column() == null ? "" : problem.column().header();
		if (problem.row() == 0) {
			return text("framework.import.inSheet", problem.sheet(), message);
		}
		return column.isEmpty() ? text("framework.import.atRow", problem.sheet(), String.valueOf(problem.row()), message)
				: text("framework.import.atCell", problem.sheet(), String.valueOf(problem.row()), column, message);
	}

}
