package org.pomegranate.assessment.framework;

import java.util.List;

/** One reason a framework cannot be published: a message key, the code of the node it concerns (empty for the whole), and its arguments. */
public record FrameworkProblem(String key, String code, List<Object> arguments) {

	public FrameworkProblem {
		arguments = List.copyOf(arguments);
	}

	static FrameworkProblem of(String key, String code, Object... arguments) {
		return new FrameworkProblem(key, code, List.of(arguments));
	}

}
