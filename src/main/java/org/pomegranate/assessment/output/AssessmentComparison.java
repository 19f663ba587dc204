package org.pomegranate.assessment.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.framework.NodeLineage;
import org.pomegranate.assessment.workflow.Assessment;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.assessment.workflow.AssessmentRepository;
import org.pomegranate.assessment.workflow.AssessmentScore;
import org.pomegranate.assessment.workflow.AssessmentSheet;
import org.pomegranate.assessment.workflow.AssessmentSheets;
import org.pomegranate.assessment.workflow.Assessment_;
import org.pomegranate.assessment.workflow.AssessmentState;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compares, for one assessment, the holder's score with the evaluator's article by article
 * (difference = evaluator − self, for the heat map by category), and the holder's years: the
 * assessments of the same holder and purpose the user may see (a reviewer sees only the one
 * assigned), their totals as points of the version each was scored on, and category by category of
 * this assessment's version, each year's articles carried onto this version's through the node
 * lineage a version move defaults to ({@link NodeLineage}): an article of this version with no
 * counterpart in a year's version adds nothing to that year, and the page says how many there were.
 * A year's article counts with its standing score: adopted (or the evaluator's) once evaluated,
 * the holder's own before.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssessmentComparison {

	private final AssessmentSheets sheets;

	private final AssessmentAccess access;

	private final AssessmentRepository assessments;

	private final RegionScope scope;

	private final NodeLineage lineage;

	AssessmentComparison(AssessmentSheets sheets, AssessmentAccess access, AssessmentRepository assessments,
			RegionScope scope, NodeLineage lineage) {
		this.sheets = sheets;
		this.access = access;
		this.assessments = assessments;
		this.scope = scope;
		this.lineage = lineage;
	}

	public Comparison comparison(long assessmentId) {
		var sheet = sheets.sheet(assessmentId);
		var categories = new ArrayList<Category>();
		for (var branch : sheet.tree().categories()) {
			var cells = new ArrayList<Cell>();
			for (var article : AssessmentDocuments.articles(branch)) {
				var score = sheet.row(article).score();
				cells.add(new Cell(article, score.getSelfScore(), score.getEvaluatorScore()));
			}
			categories.add(new Category(branch.node(), cells));
		}
		var years = years(sheet);
		return new Comparison(sheet, categories, years, byCategory(sheet, years));
	}

	/** Each category of this version, with what each year scored on the articles that answer to its articles. */
	private Across byCategory(AssessmentSheet sheet, List<Year> years) {
		var here = sheet.tree().framework();
		var hereNodes = access.nodes(sheet.assessment());
		var standing = new ArrayList<Map<Long, BigDecimal>>();
		var counterparts = new ArrayList<Integer>();
		for (var year : years) {
			var assessment = year.assessmentId() == sheet.assessment().getId() ? sheet.assessment()
					: access.get(year.assessmentId());
			var scores = new HashMap<Long, BigDecimal>();
			for (var score : access.scores(assessment)) {
				var value = standing(assessment.getState(), score);
				if (value != null) {
					scores.put(score.getNodeId(), value);
				}
			}
			// the year's node → this version's node; inverted, this version's node → the year's
			var theirs = lineage.correspondence(access.framework(assessment), access.nodes(assessment), here, hereNodes);
			var onHere = new HashMap<Long, BigDecimal>();
			theirs.forEach((their, ours) -> {
				var value = scores.get(their);
				if (value != null) {
					onHere.put(ours, value);
				}
			});
			standing.add(onHere);
			var answered = new HashSet<>(theirs.values());
			counterparts.add((int) sheet.tree().articles().stream().filter(article -> answered.contains(article.getId())).count());
		}
		var rows = new ArrayList<CategoryYears>();
		for (var branch : sheet.tree().categories()) {
			var articles = AssessmentDocuments.articles(branch);
			var points = new ArrayList<@Nullable BigDecimal>();
			for (var onHere : standing) {
				BigDecimal sum = null;
				for (var article : articles) {
					var value = onHere.get(article.getId());
					if (value != null) {
						sum = sum == null ? value : sum.add(value);
					}
				}
				points.add(sum);
			}
			rows.add(new CategoryYears(branch.node(), points));
		}
		return new Across(rows, counterparts, sheet.tree().articleCount());
	}

	/** What an article stands at in an assessment: adopted or the evaluator's once evaluated, the holder's own before. */
	static @Nullable BigDecimal standing(AssessmentState state, AssessmentScore score) {
		if (!state.evaluated()) {
			return score.getSelfScore();
		}
		return score.getAdoptedScore() != null ? score.getAdoptedScore() : score.getEvaluatorScore();
	}

	/** The holder's years; this assessment's totals as its page adds them up now, the others' as last written. */
	private List<Year> years(AssessmentSheet sheet) {
		var assessment = sheet.assessment();
		var current = new Year(assessment.getId(), assessment.getYear(), assessment.getState(), sheet.self().total(),
				sheet.evaluated() == 0 ? null : sheet.evaluator().total(),
				sheet.evaluated() == 0 ? null : sheet.adopted().total(), assessment.getPassed());
		var actor = access.actor(assessment);
		if (actor.role() == Role.REVIEWER) {
			return List.of(current);
		}
		Specification<Assessment> where = scope.specification(Assessment_.HOLDER_REGION_CODE);
		where = where.and((root, q, cb) -> cb.and(cb.equal(root.get(Assessment_.holderKind), assessment.getHolderKind()),
				cb.equal(root.get(Assessment_.holderRegionCode), assessment.getHolderRegionCode()),
				cb.equal(root.get(Assessment_.purpose), assessment.getPurpose()),
				assessment.getUnitId() == null ? cb.isNull(root.get(Assessment_.unitId))
						: cb.equal(root.get(Assessment_.unitId), assessment.getUnitId())));
		return assessments.findAll(where, Sort.by("year"))
			.stream()
			.map(other -> other.getId().equals(assessment.getId()) ? current : Year.of(other))
			.toList();
	}

	/** A score as the page prints it: 4.5, 10, — for none. */
	public static String text(@Nullable BigDecimal value) {
		return Numbers.text(value);
	}

	/** One assessment compared: a row per category, and the holder's years. */
	public record Comparison(AssessmentSheet sheet, List<Category> categories, List<Year> years, Across across) {

		public Comparison {
			categories = List.copyOf(categories);
			years = List.copyOf(years);
		}

		/** The most articles of any category: the heat map's width. */
		public int width() {
			return categories.stream().mapToInt(category -> category.cells().size()).max().orElse(0);
		}

	}

	/** A category and its articles in tree order. */
	public record Category(IndicatorNode node, List<Cell> cells) {

		public Category {
			cells = List.copyOf(cells);
		}

	}

	/** One article's two scores and their difference (evaluator − self; null unless both are given). */
	public record Cell(IndicatorNode article, @Nullable BigDecimal self, @Nullable BigDecimal evaluator) {

		public @Nullable BigDecimal difference() {
			return self == null || evaluator == null ? null : evaluator.subtract(self);
		}

	}

	/**
	 * The holder's years by category of this version: a row per category, a cell per year (in the
	 * order of {@link Comparison#years}), and per year how many of this version's {@code articles}
	 * had a counterpart in the version it was scored on.
	 */
	public record Across(List<CategoryYears> rows, List<Integer> counterparts, int articles) {

		public Across {
			rows = List.copyOf(rows);
			counterparts = List.copyOf(counterparts);
		}

		/** Whether some year's version lacks a counterpart for some article of this one. */
		public boolean incomplete() {
			return counterparts.stream().anyMatch(count -> count < articles);
		}

	}

	/** A category of this version and what each year scored on its articles; null where nothing answered or was scored. */
	public record CategoryYears(IndicatorNode node, List<@Nullable BigDecimal> points) {

		public CategoryYears {
			points = Collections.unmodifiableList(new ArrayList<>(points));
		}

	}

	/** One year of the holder: its totals so far (self, evaluator's, adopted) and where it stands. */
	public record Year(long assessmentId, int year, AssessmentState state, @Nullable BigDecimal self,
			@Nullable BigDecimal evaluator, @Nullable BigDecimal adopted, @Nullable Boolean passed) {

		static Year of(Assessment assessment) {
			return new Year(assessment.getId(), assessment.getYear(), assessment.getState(), assessment.getSelfTotal(),
					assessment.getEvaluatorTotal(), assessment.getAdoptedTotal(), assessment.getPassed());
		}

	}

}
