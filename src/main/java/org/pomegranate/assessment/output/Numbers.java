package org.pomegranate.assessment.output;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Scores as the documents and pages print them: 4.5, 10, — for none; one way, so the tests read back the same text. */
final class Numbers {

	private Numbers() {
	}

	static String text(@Nullable BigDecimal value) {
		return value == null ? "—" : value.stripTrailingZeros().toPlainString();
	}

}
