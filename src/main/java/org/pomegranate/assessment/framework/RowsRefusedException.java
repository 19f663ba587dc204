package org.pomegranate.assessment.framework;

import java.util.List;

import org.pomegranate.shared.BusinessRuleException;

/**
 * Rows refused whole: an import, or a node typed into the form, with every problem found (each
 * with its row number), so that the user fixes them all at once. Nothing was written.
 */
public class RowsRefusedException extends BusinessRuleException {

	private final List<RowProblem> problems;

	public RowsRefusedException(List<RowProblem> problems) {
		super(problems.get(0).key(), problems.get(0).getArguments());
		this.problems = List.copyOf(problems);
	}

	public List<RowProblem> problems() {
		return problems;
	}

}
