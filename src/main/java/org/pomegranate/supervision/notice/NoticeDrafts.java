package org.pomegranate.supervision.notice;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.pomegranate.dashboard.Statistics;
import org.pomegranate.dashboard.Statistics.Ranking;
import org.pomegranate.dashboard.Statistics.RankingRow;
import org.pomegranate.figures.FigureQuery;
import org.pomegranate.figures.KeyFigure;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RegionScope;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Drafts a notice from the figures: the dashboard's own ranking of the regions below the admin's
 * region over a period, and its "weakest" flags. A criticism proposes exactly the regions the
 * ranking flags as weakest on the chosen figure (lowest task completion, most overdue tasks or
 * rectifications, weakest pairing coverage, most overdue petitions); a praise the best as many,
 * leaving out any that tie with the worst. The draft text names each with its figure; the admin
 * edits it before it goes for approval.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class NoticeDrafts {

	/** The figures a notice may be drafted from, where their module is there to count them. */
	public static final List<String> FIGURE_KEYS = List.of("figure.tasks.completionRate", "figure.tasks.overdue",
			"figure.rectifications.overdue", "figure.pairing.coverage", "figure.petitions.overdue");

	private final Statistics statistics;

	private final RegionScope scope;

	private final MessageSource messages;

	private final Clock clock;

	NoticeDrafts(Statistics statistics, RegionScope scope, MessageSource messages, Clock clock) {
		this.statistics = statistics;
		this.scope = scope;
		this.messages = messages;
		this.clock = clock;
	}

	/** A proposed target: a region below with its figure. */
	public record Candidate(String regionCode, String regionName, KeyFigure figure) {
	}

	/** The proposed targets, with a title, a text and the targets' region codes, which the form's picker ticks. */
	public record Proposal(NoticeKind kind, String figureKey, Period period, List<Candidate> targets, String title,
			String body, List<String> targetCodes) {
	}

	/** The figures of {@link #FIGURE_KEYS} the ranking of the admin's region holds over the period. */
	public List<String> offeredKeys(Period period) {
		var keys = ranking(period).keys();
		return FIGURE_KEYS.stream().filter(keys::contains).toList();
	}

	public Proposal propose(NoticeKind kind, String figureKey, Period period) {
		var ranking = ranking(period);
		if (!FIGURE_KEYS.contains(figureKey) || !ranking.keys().contains(figureKey)) {
			throw new BusinessRuleException("notice.error.figure");
		}
		var valued = ranking.rows()
			.stream()
			.filter(row -> row.figures().get(figureKey) != null && row.figures().get(figureKey).value() != null)
			.toList();
		List<RankingRow> chosen;
		if (kind == NoticeKind.CRITICISM) {
			chosen = valued.stream()
				.filter(row -> row.weakest().contains(figureKey))
				.sorted(worstFirst(figureKey))
				.toList();
		}
		else {
			// As many as the ranking would flag, from the other end; none flagged weakest or tied with the worst.
			var worst = valued.stream().sorted(worstFirst(figureKey)).findFirst();
			int allowed = Math.min(3, Math.max(1, ranking.rows().size() / 6));
			chosen = valued.stream()
				.sorted(worstFirst(figureKey).reversed())
				.filter(row -> !row.weakest().contains(figureKey))
				.filter(row -> worst.isEmpty() || !value(row, figureKey).equals(value(worst.get(), figureKey)))
				.limit(allowed)
				.toList();
		}
		var targets = chosen.stream()
			.map(row -> new Candidate(row.regionCode(), row.regionName(), row.figures().get(figureKey)))
			.toList();
		return draftText(kind, figureKey, period, targets);
	}

	private Proposal draftText(NoticeKind kind, String figureKey, Period period, List<Candidate> targets) {
		var locale = LocaleContextHolder.getLocale();
		var label = messages.getMessage(figureKey, null, figureKey, locale);
		var names = String.join("、", targets.stream().map(Candidate::regionName).toList());
		var lines = new ArrayList<String>();
		for (var target : targets) {
			lines.add(messages.getMessage("notice.draft.line", new Object[] { target.regionName(), label,
					target.figure().text() }, locale));
		}
		var key = "notice.draft." + kind.name().toLowerCase(Locale.ROOT);
		var title = messages.getMessage(key + ".title", new Object[] { names, label }, locale);
		var body = messages.getMessage(key + ".body",
				new Object[] { period.label(), label, String.join("\n", lines), names }, locale);
		return new Proposal(kind, figureKey, period, targets, title, body,
				targets.stream().map(Candidate::regionCode).toList());
	}

	private Ranking ranking(Period period) {
		return statistics.ranking(new FigureQuery(scope.prefix(), period, null, false, ChinaTime.today(clock)));
	}

	private static Double value(RankingRow row, String key) {
		return row.figures().get(key).value();
	}

	/** Worst first as the ranking orders it: lowest first where higher is better, highest first otherwise; then by code. */
	private static Comparator<RankingRow> worstFirst(String key) {
		return (a, b) -> {
			var figure = a.figures().get(key);
			int byValue = Double.compare(value(a, key), value(b, key));
			if (figure.better() != KeyFigure.Better.HIGHER) {
				byValue = -byValue;
			}
			return byValue != 0 ? byValue : a.regionCode().compareTo(b.regionCode());
		};
	}

}
