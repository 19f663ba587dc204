package org.pomegranate.report.monthly;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;

/**
 * The figures of a report, as they were when it was generated: what a frozen report stores (as
 * JSON) and both files are written from. Labels are kept in Chinese with the figures, so a frozen
 * report reads the same whatever the bundles say later. Percentages are kept twice: rounded as
 * pages and sentences show them, and as the exact ratio a spreadsheet cell stores. Coverage
 * stands as of {@code coverageOn}, the period's last day (today while the period runs); reports
 * frozen before it was kept counted it on {@code generatedOn}.
 */
public record ReportData(String regionCode, String regionName, String periodCode, String periodLabel, LocalDate generatedOn,
		List<SummaryLine> summary, List<Column> childColumns, List<ChildLine> children, List<CoverageLine> coverage,
		List<VisitLine> visits, Petitions petitions, Petitions petitionsYearToDate, @Nullable LocalDate coverageOn) {

	/**
	 * A figure of the region: this period, the previous one, and the same period last year; a
	 * standing figure (coverage, open backlog cases) has only this period's, as of {@code asOf}.
	 */
	public record SummaryLine(String key, String label, boolean percent, @Nullable Double current, @Nullable Double previous,
			@Nullable Double lastYear, @JsonAlias("asOfToday") boolean standing, @Nullable LocalDate asOf,
			@Nullable Double currentRatio, @Nullable Double previousRatio, @Nullable Double lastYearRatio) {
	}

	/** A figure of the regions below; a standing one as of {@code asOf}. */
	public record Column(String key, String label, boolean percent, @Nullable LocalDate asOf) {
	}

	/**
	 * A region directly below, with its figures by key (the exact ratio of each percentage
	 * apart) and the keys on which it is among the weakest.
	 */
	public record ChildLine(String code, String name, Map<String, @Nullable Double> values,
			@Nullable Map<String, @Nullable Double> ratios, List<String> weakest) {
	}

	public record CoverageLine(String program, long target, long paired, long unpaired, @Nullable Double percent, long overdue) {
	}

	public record VisitLine(String kind, String label, long visits) {
	}

	/** The petition figures the narrative quotes. Satisfaction is null when nothing was rated. */
	public record Petitions(long collected, long resolved, long policy, long unresolvable, long open, long overdue,
			@Nullable Double satisfaction,
			long backlogClosed, long openBacklog) {
	}

	public long totalVisits() {
		return visits.stream().mapToLong(VisitLine::visits).sum();
	}

	/** The day coverage stands at. */
	public LocalDate coverageDay() {
		return coverageOn != null ? coverageOn : generatedOn;
	}

	/** The day a standing line stands at, as documents write it (2024年2月29日). */
	public String asOf(SummaryLine line) {
		return Period.day(line.asOf() != null ? line.asOf() : generatedOn);
	}

	/** A line's label, with the day beside a standing figure: 结对覆盖率（截至2024年2月29日）. */
	public String label(SummaryLine line) {
		return line.standing() ? line.label() + "（截至" + asOf(line) + "）" : line.label();
	}

	/** A column's label, with the day beside a standing figure. */
	public String label(Column column) {
		return column.asOf() != null ? column.label() + "（截至" + Period.day(column.asOf()) + "）" : column.label();
	}

}
