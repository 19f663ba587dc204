package org.pomegranate.supervision.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sets of instances the task figures count, each as one SQL condition that both the count
 * ({@link TaskFigures}) and the list behind the figure ({@link TaskReading#instances}) use, so a
 * figure and its list can never disagree. The period sets count instances of the region's subtree
 * whose due date in force falls in the period (and that have opened); the standing ones stand today.
 * <ul>
 * <li>{@link #DUE} 应办: due in the period;</li>
 * <li>{@link #ACCEPTED} 已办结: of those, accepted — completion rate = accepted / due;</li>
 * <li>{@link #ON_TIME} 按时办结: of those, reported no later than the due date in force — on-time
 * rate = on time / accepted;</li>
 * <li>{@link #NOT_ACKNOWLEDGED} 超 24 小时未签收: still 待签收 24 hours after opening;</li>
 * <li>{@link #OVERDUE} 逾期: still owing the report after the due date in force (a granted
 * extension moves it).</li>
 * </ul>
 */
public enum TaskFigure {

	DUE("coalesce(i.granted_due_on, i.due_on) between ? and ? and i.opens_at <= ?", true),

	ACCEPTED("coalesce(i.granted_due_on, i.due_on) between ? and ? and i.opens_at <= ? and i.state = 'ACCEPTED'", true),

	ON_TIME("coalesce(i.granted_due_on, i.due_on) between ? and ? and i.opens_at <= ? and i.state = 'ACCEPTED'"
			+ " and i.reported_on <= coalesce(i.granted_due_on, i.due_on)", true),

	NOT_ACKNOWLEDGED("i.state = 'PENDING' and i.opens_at < ?", false),

	OVERDUE("i.state in ('PENDING', 'ACKNOWLEDGED', 'RETURNED') and coalesce(i.granted_due_on, i.due_on) < ?"
			+ " and i.opens_at <= ?", false);

	private final String condition;

	private final boolean ofPeriod;

	TaskFigure(String condition, boolean ofPeriod) {
		this.condition = condition;
		this.ofPeriod = ofPeriod;
	}

	/** The condition on {@code task_instance i}, without the region. */
	public String condition() {
		return condition;
	}

	/** Whether it counts a period rather than standing today. */
	public boolean ofPeriod() {
		return ofPeriod;
	}

	/** The figure's key in the query string: {@code notAcknowledged}. */
	public String parameter() {
		var words = name().toLowerCase(java.util.Locale.ROOT).split("_");
		var key = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return key.toString();
	}

	public static java.util.Optional<TaskFigure> ofParameter(@org.jspecify.annotations.Nullable String parameter) {
		for (var figure : values()) {
			if (figure.parameter().equals(parameter)) {
				return java.util.Optional.of(figure);
			}
		}
		return java.util.Optional.empty();
	}

	/** The condition's arguments for a period {@code from}–{@code to}, as of {@code today} and {@code now}. */
	public List<Object> arguments(LocalDate from, LocalDate to, LocalDate today, Instant now) {
		var instant = Timestamp.from(now);
		return switch (this) {
			case DUE, ACCEPTED, ON_TIME -> List.of(from, to, instant);
			case NOT_ACKNOWLEDGED -> List.of(Timestamp.from(now.minus(TaskInstance.ACKNOWLEDGE_WITHIN)));
			case OVERDUE -> List.of(today, instant);
		};
	}

}
