package org.pomegranate.unit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pomegranate.figures.Breakdown;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.KeyFigure.Better;
import org.pomegranate.figures.Period;
import org.pomegranate.unit.UnitFigures.UnitCounts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The campaign units' key figures for dashboards and the monthly report, read from
 * {@link UnitFigures}: the 石榴籽 network (工作中心、工作室、工作队、育籽员), its 规程上墙 rate, units
 * per 10,000 households and the titles held, standing as of the period's last day (today while it
 * runs); and the titles named in the period, which compare with the previous period and the year
 * so far. Eight tiles: the titles by level, by holder and by state stay on the unit module's own
 * pages, where they have room. Its pie (units by kind) comes after the petitions' one.
 */
@Component
class UnitFigureSource implements FigureSource {

	private final UnitFigures units;

	private final MessageSource messages;

	UnitFigureSource(UnitFigures units, MessageSource messages) {
		this.units = units;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var figures = new ArrayList<KeyFigure>();
		if (!query.periodOnly()) {
			var day = query.standingOn();
			figures.addAll(standing(units.of(query.regionCode(), day), day));
		}
		var period = query.period();
		figures.add(named(units.named(query.regionCode(), period.from(), period.to())));
		return figures;
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var day = query.standingOn();
		var period = query.period();
		var named = units.namedByChildRegion(query.regionCode(), period.from(), period.to());
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		units.byChildRegion(query.regionCode(), day).forEach((code, counts) -> {
			var figures = new ArrayList<>(standing(counts, day));
			figures.add(named(named.getOrDefault(code, 0L)));
			rows.put(code, figures);
		});
		return rows;
	}

	/** The units of each kind standing on the period's last day (today while it runs). */
	@Override
	public Optional<Breakdown> breakdown(String regionCode, Period period) {
		var locale = LocaleContextHolder.getLocale();
		var day = period.standingOn(units.today());
		var parts = units.byKind(regionCode, day)
			.entrySet()
			.stream()
			.map(kind -> new Breakdown.Part(
					messages.getMessage("UnitKind." + kind.getKey().name(), null, kind.getKey().name(), locale),
					kind.getValue()))
			.toList();
		return Optional.of(new Breakdown("figure.units.byKind", parts));
	}

	private static List<KeyFigure> standing(UnitCounts counts, LocalDate day) {
		var perHouseholds = counts.unitsPerTenThousandHouseholds();
		return List.of(KeyFigure.count("figure.units.centres", counts.centres(), Better.NEITHER).standingOn(day),
				KeyFigure.count("figure.units.studios", counts.studios(), Better.NEITHER).standingOn(day),
				KeyFigure.count("figure.units.teams", counts.teams(), Better.NEITHER).standingOn(day),
				KeyFigure.count("figure.units.yuziyuan", counts.yuziyuan(), Better.NEITHER).standingOn(day),
				KeyFigure.percent("figure.units.wallPosted", counts.wallPosted(), counts.networkUnits(), Better.HIGHER)
					.standingOn(day),
				new KeyFigure("figure.units.perTenThousandHouseholds", perHouseholds, KeyFigure.Unit.COUNT,
						Better.NEITHER, null, day),
				KeyFigure.count("figure.units.liveTitles", counts.liveTitleCount(), Better.NEITHER).standingOn(day));
	}

	private static KeyFigure named(long count) {
		return KeyFigure.count("figure.units.named", count, Better.NEITHER);
	}

}
