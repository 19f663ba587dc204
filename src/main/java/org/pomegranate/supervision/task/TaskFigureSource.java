package org.pomegranate.supervision.task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.KeyFigure.Better;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.supervision.task.TaskFigures.TaskCounts;
import org.springframework.stereotype.Component;

/**
 * The task lists' key figures for dashboards, the ranking and the monthly report, read from
 * {@link TaskFigures}: completion rate (已办结 / 应办) and on-time rate (按时办结 / 已办结) of the
 * instances due in the period, and the instances not acknowledged within 24 hours and overdue,
 * standing today. The keys are read by name elsewhere (the notices' drafting): keep them.
 */
@Component
class TaskFigureSource implements FigureSource {

	static final String COMPLETION_RATE = "figure.tasks.completionRate";

	static final String ON_TIME_RATE = "figure.tasks.onTimeRate";

	static final String NOT_ACKNOWLEDGED = "figure.tasks.notAcknowledged";

	static final String OVERDUE = "figure.tasks.overdue";

	private final TaskFigures tasks;

	TaskFigureSource(TaskFigures tasks) {
		this.tasks = tasks;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var period = query.period();
		var counts = tasks.of(query.regionCode(), period.from(), period.to(), !query.periodOnly());
		return figures(counts, !query.periodOnly(), query);
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var period = query.period();
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		var child = RegionCode.of(query.regionCode()).child(1);
		if (child.isEmpty()) {
			return rows;
		}
		tasks.byChildRegion(query.regionCode(), child.get().toString().length(), period.from(), period.to())
			.forEach((code, counts) -> rows.put(code, figures(counts, true, query)));
		return rows;
	}

	private List<KeyFigure> figures(TaskCounts counts, boolean standing, FigureQuery query) {
		var rates = List.of(
				KeyFigure.percent(COMPLETION_RATE, counts.of(TaskFigure.ACCEPTED), counts.of(TaskFigure.DUE), Better.HIGHER),
				KeyFigure.percent(ON_TIME_RATE, counts.of(TaskFigure.ON_TIME), counts.of(TaskFigure.ACCEPTED), Better.HIGHER));
		if (!standing) {
			return rates;
		}
		var today = query.today();
		return List.of(rates.get(0), rates.get(1),
				KeyFigure.count(NOT_ACKNOWLEDGED, counts.of(TaskFigure.NOT_ACKNOWLEDGED), Better.LOWER).standingOn(today),
				KeyFigure.count(OVERDUE, counts.of(TaskFigure.OVERDUE), Better.LOWER).standingOn(today));
	}

}
