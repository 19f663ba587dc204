package org.pomegranate.report.monthly;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.pomegranate.figures.Period;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MonthlyReportRepository extends JpaRepository<MonthlyReport, Long> {

	Optional<MonthlyReport> findByRegionCodeAndPeriodKindAndPeriodStartAndState(String regionCode, Period.Kind kind,
			LocalDate start, ReportState state);

	/** The reports in a subtree without their files, newest period first. */
	@Query("""
			select new org.pomegranate.report.monthly.ReportSummary(r.id, r.regionCode, r.periodKind, r.periodStart, r.state,
			       r.createdBy, r.updatedAt, r.frozenBy, r.frozenAt)
			from MonthlyReport r
			where r.regionCode like :prefix
			order by r.periodStart desc, r.regionCode, r.state, r.frozenAt desc
			""")
	List<ReportSummary> summaries(@Param("prefix") String prefix);

}
