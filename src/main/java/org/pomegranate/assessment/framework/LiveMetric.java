package org.pomegranate.assessment.framework;

import org.pomegranate.figures.KeyFigure.Better;
import org.pomegranate.figures.KeyFigure.Unit;

/**
 * A figure the ledgers already compute that an article may be scored from (实时指标), read through
 * the figure sources for the assessed region and year, so that the dashboard, the monthly report
 * and the score can never disagree. {@code figureKey} is the figure it reads; a rate the sources
 * give as two counts names both ({@code partKey} of {@code figureKey}). Message keys
 * {@code LiveMetric.NAME} (its name) and {@code LiveMetric.NAME.definition} (frozen with a submission).
 */
public enum LiveMetric {

	/** 结对覆盖率: households paired of those to pair, at the year's end (or today). */
	PAIRING_COVERAGE("figure.pairing.coverage", null, Unit.PERCENT, Better.HIGHER),

	/** 逾期未走访户数: paired households whose last visit is older than the program's interval. */
	OVERDUE_VISITS("figure.pairing.overdue", null, Unit.COUNT, Better.LOWER),

	/** 诉求化解率: petitions of the year now resolved (已解决 or 政策解答) of those collected. */
	RESOLUTION_RATE("figure.petitions.collected", "figure.petitions.resolved", Unit.PERCENT, Better.HIGHER),

	/** 诉求满意率: 满意 and 基本满意 of the rated petitions of the year. */
	SATISFACTION("figure.petitions.satisfaction", null, Unit.PERCENT, Better.HIGHER),

	/** 信访积案化解数: backlog cases resolved in the year. */
	BACKLOG_CLOSED("figure.petitions.backlogClosed", null, Unit.COUNT, Better.HIGHER),

	/** 工作室规程上墙率: network units with their duty statement on the wall. */
	WALL_POSTED("figure.units.wallPosted", null, Unit.PERCENT, Better.HIGHER),

	/** 宣传宣讲场次: publicity sessions whose first day lies in the year. */
	PUBLICITY_SESSIONS("figure.activities.publicity", null, Unit.COUNT, Better.HIGHER),

	/** 任务清单办结率: task instances due in the year that the issuer accepted. */
	TASK_COMPLETION("figure.tasks.completionRate", null, Unit.PERCENT, Better.HIGHER),

	/** 逾期未办结任务数: task instances still owing their report past the due date in force (standing). */
	OVERDUE_TASKS("figure.tasks.overdue", null, Unit.COUNT, Better.LOWER),

	/** 逾期未整改数: rectifications overdue at the year's end (or today), standing. */
	OVERDUE_RECTIFICATIONS("figure.rectifications.overdue", null, Unit.COUNT, Better.LOWER);

	private final String figureKey;

	private final @org.jspecify.annotations.Nullable String partKey;

	private final Unit unit;

	private final Better better;

	LiveMetric(String figureKey, @org.jspecify.annotations.Nullable String partKey, Unit unit, Better better) {
		this.figureKey = figureKey;
		this.partKey = partKey;
		this.unit = unit;
		this.better = better;
	}

	/** The figure read; for a rate of two counts, the whole. */
	public String figureKey() {
		return figureKey;
	}

	/** For a rate of two counts, the part; otherwise null. */
	public @org.jspecify.annotations.Nullable String partKey() {
		return partKey;
	}

	public Unit unit() {
		return unit;
	}

	public Better better() {
		return better;
	}

	public boolean lowerIsBetter() {
		return better == Better.LOWER;
	}

}
