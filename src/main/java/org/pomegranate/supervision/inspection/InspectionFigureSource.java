package org.pomegranate.supervision.inspection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.KeyFigure.Better;
import org.pomegranate.supervision.inspection.InspectionFigures.Counts;
import org.springframework.stereotype.Component;

/**
 * The supervision figures for dashboards, the ranking and the monthly report, read from {@link
 * InspectionFigures}: open and overdue rectifications (standing; fewer overdue is better, so the
 * ranking flags the most), findings and notices of the period.
 */
@Component
class InspectionFigureSource implements FigureSource {

	private final InspectionFigures figures;

	InspectionFigureSource(InspectionFigures figures) {
		this.figures = figures;
	}

	@Override
	public int order() {
		return 45;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var day = query.standingOn();
		return figures(figures.of(query.regionCode(), query.period(), day), query);
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		figures.byChildRegion(query.regionCode(), query.period(), query.standingOn())
			.forEach((code, counts) -> rows.put(code, figures(counts, query)));
		return rows;
	}

	private static List<KeyFigure> figures(Counts counts, FigureQuery query) {
		var day = query.standingOn();
		var list = new ArrayList<KeyFigure>();
		if (!query.periodOnly()) {
			list.add(KeyFigure.count(InspectionFigures.OPEN, counts.open(), Better.NEITHER).standingOn(day));
			list.add(KeyFigure.count(InspectionFigures.OVERDUE, counts.overdue(), Better.LOWER).standingOn(day));
		}
		list.add(KeyFigure.count(InspectionFigures.FINDINGS, counts.findings(), Better.NEITHER));
		list.add(KeyFigure.count(InspectionFigures.PRAISE, counts.praise(), Better.NEITHER));
		list.add(KeyFigure.count(InspectionFigures.CRITICISM, counts.criticism(), Better.NEITHER));
		return list;
	}

}
