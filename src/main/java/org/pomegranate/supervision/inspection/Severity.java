package org.pomegranate.supervision.inspection;

/**
 * How serious a finding is (一般, 较重, 严重), and the days it is given to be rectified unless the
 * inspector sets another deadline: the graver, the sooner. Labels live in the bundle as {@code Severity.NAME}.
 */
public enum Severity {

	/** 一般. */
	MINOR(30),
	/** 较重. */
	MAJOR(15),
	/** 严重. */
	GRAVE(7);

	private final int defaultDays;

	Severity(int defaultDays) {
		this.defaultDays = defaultDays;
	}

	public int defaultDays() {
		return defaultDays;
	}

}
