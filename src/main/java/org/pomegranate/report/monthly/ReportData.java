package org.pomegranate.report.monthly;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The figures of a report, as they were when it was generated: what a frozen report stores (as
 * JSON) and both files are written from. Labels are kept in Chinese with the figures, so a frozen
 * report reads the same whatever the bundles say later.
 */
public record ReportData(String regionCode, String regionName, String periodCode, String periodLabel, LocalDate generatedOn,
		List<SummaryLine> summary, List<Column> childColumns, List<ChildLine> children, List<CoverageLine> coverage,
		List<VisitLine> visits, Petitions petitions, Petitions petitionsYearToDate) {

	/** A figure of the region: this period, the previous one, and the same period last year. */
	public record SummaryLine(String key, String label, boolean percent, @Nullable Double current, @Nullable Double previous,
			@Nullable Double lastYear, boolean asOfToday) {
	}

	public record Column(String key, String label, boolean percent) {
	}

	/** A region directly below, with its figures by key and the keys on which it is among the weakest. */
	public record ChildLine(String code, String name, Map<String, @Nullable Double> values, List<String> weakest) {
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

}
