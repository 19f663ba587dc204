package org.pomegranate.assessment.framework;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;

/**
 * What is wrong with one row of an import (or the node form): the sheet and row number (0 for
 * the form), the column it concerns (null for the whole row), and a message key with its
 * arguments. Resolved through the bundle, it says what the user must fix.
 */
public record RowProblem(String sheet, int row, FrameworkRow.@Nullable Column column, String key, List<Object> arguments)
		implements MessageSourceResolvable {

	public RowProblem {
		arguments = List.copyOf(arguments);
	}

	static RowProblem of(String sheet, int row, FrameworkRow.@Nullable Column column, String key, Object... arguments) {
		return new RowProblem(sheet, row, column, key, List.of(arguments));
	}

	@Override
	public String[] getCodes() {
		return new String[] { key };
	}

	@Override
	public Object[] getArguments() {
		return arguments.toArray();
	}

}
