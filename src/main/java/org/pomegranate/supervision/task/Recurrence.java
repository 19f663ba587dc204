package org.pomegranate.supervision.task;

/**
 * How often a list is due: once, monthly on day N, quarterly (day N of the quarter's last month),
 * yearly (day N of the first due date's month). Day 31 in a 30-day month means its last day, 29
 * February in a year without one means 28 February.
 */
public enum Recurrence {

	ONCE, MONTHLY, QUARTERLY, YEARLY

}
