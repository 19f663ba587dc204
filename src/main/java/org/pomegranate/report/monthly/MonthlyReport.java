package org.pomegranate.report.monthly;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.pomegranate.figures.Period;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScoped;

/**
 * A monthly report of a region and a period. A draft carries the admin's narrative (存在的问题,
 * 下一步工作打算); freezing stores the figures with it and both files in the file store, after
 * which nothing of it changes (the database refuses it too).
 */
@Entity
@Table(name = "monthly_report")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class MonthlyReport implements RegionScoped {

	static final int MAX_TEXT = 4000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String regionCode;

	@Enumerated(EnumType.STRING)
	private Period.Kind periodKind;

	private LocalDate periodStart;

	@Enumerated(EnumType.STRING)
	private ReportState state;

	private String problems;

	private String plans;

	@JdbcTypeCode(SqlTypes.JSON)
	private @Nullable String figures;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable String frozenBy;

	private @Nullable Instant frozenAt;

	@Version
	private long version;

	MonthlyReport(String regionCode, Period period, String problems, String plans, String createdBy, Instant now) {
		this.regionCode = regionCode;
		this.periodKind = period.kind();
		this.periodStart = period.from();
		this.state = ReportState.DRAFT;
		this.problems = problems;
		this.plans = plans;
		this.createdBy = createdBy;
		this.createdAt = now;
		this.updatedAt = now;
	}

	Period period() {
		return switch (periodKind) {
			case MONTH -> Period.month(java.time.YearMonth.from(periodStart));
			case QUARTER -> Period.quarter(periodStart.getYear(), (periodStart.getMonthValue() - 1) / 3 + 1);
			case YEAR -> Period.year(periodStart.getYear());
			case RANGE -> throw new IllegalStateException("A report covers a month, a quarter or a year");
		};
	}

	public boolean isFrozen() {
		return state == ReportState.FROZEN;
	}

	void writeNarrative(String problems, String plans, Instant now) {
		requireDraft();
		if (problems.length() > MAX_TEXT || plans.length() > MAX_TEXT) {
			throw new BusinessRuleException("report.error.tooLong", MAX_TEXT);
		}
		this.problems = problems;
		this.plans = plans;
		this.updatedAt = now;
	}

	/** Its two files are stored in the file store beforehand, in the same transaction. */
	void freeze(String figures, String by, Instant now) {
		requireDraft();
		this.figures = figures;
		this.frozenBy = by;
		this.frozenAt = now;
		this.updatedAt = now;
		this.state = ReportState.FROZEN;
	}

	private void requireDraft() {
		if (isFrozen()) {
			throw new BusinessRuleException("report.error.frozen");
		}
	}

}
