package org.pomegranate.activity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.figures.Breakdown;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.FigureSource;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.KeyFigure.Better;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The activities' key figures for dashboards and the monthly report, read from {@link
 * ActivityFigures}: sessions, publicity sessions (宣传宣讲), participants and exchange participants
 * of the period, which compare with the previous period and the year so far; and the sessions by
 * kind for the pie.
 */
@Component
class ActivityFigureSource implements FigureSource {

	static final String SESSIONS = "figure.activities.sessions";

	static final String PUBLICITY = "figure.activities.publicity";

	static final String PARTICIPANTS = "figure.activities.participants";

	static final String EXCHANGE_PARTICIPANTS = "figure.activities.exchangeParticipants";

	private final ActivityFigures activities;

	private final MessageSource messages;

	ActivityFigureSource(ActivityFigures activities, MessageSource messages) {
		this.activities = activities;
		this.messages = messages;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public List<KeyFigure> figures(FigureQuery query) {
		var period = query.period();
		return figures(activities.of(query.regionCode(), period.from(), period.to()));
	}

	@Override
	public Map<String, List<KeyFigure>> byChildRegion(FigureQuery query) {
		var period = query.period();
		var childLength = RegionCode.of(query.regionCode()).level().child();
		var rows = new LinkedHashMap<String, List<KeyFigure>>();
		activities.byRegionBelow(query.regionCode(), period.from(), period.to()).forEach((code, counts) -> {
			// The region's own activities (本级) are no region below: the ranking shows only those.
			if (childLength != null && code.length() == childLength.codeLength()) {
				rows.put(code, figures(counts));
			}
		});
		return rows;
	}

	@Override
	public Optional<java.time.LocalDate> firstDay() {
		return activities.firstDay();
	}

	/** The sessions of each kind in the period. */
	@Override
	public Optional<Breakdown> breakdown(String regionCode, Period period) {
		var locale = LocaleContextHolder.getLocale();
		var counts = activities.of(regionCode, period.from(), period.to());
		var parts = java.util.Arrays.stream(ActivityKind.values())
			.filter(kind -> counts.sessions(kind) > 0)
			.map(kind -> new Breakdown.Part(messages.getMessage("ActivityKind." + kind.name(), null, kind.name(), locale),
					counts.sessions(kind)))
			.toList();
		return Optional.of(new Breakdown("figure.activities.byKind", parts));
	}

	private static List<KeyFigure> figures(ActivityCounts counts) {
		return List.of(KeyFigure.count(SESSIONS, counts.sessions(), Better.HIGHER),
				KeyFigure.count(PUBLICITY, counts.publicitySessions(), Better.HIGHER),
				KeyFigure.count(PARTICIPANTS, counts.participants(), Better.HIGHER),
				KeyFigure.count(EXCHANGE_PARTICIPANTS, counts.exchangeParticipants(), Better.NEITHER));
	}

}
