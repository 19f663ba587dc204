package org.pomegranate.assessment.output;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.assessment.framework.IndicatorNode;
import org.pomegranate.assessment.workflow.Assessment;
import org.pomegranate.assessment.workflow.AssessmentAccess;
import org.pomegranate.assessment.workflow.AssessmentRepository;
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
 * (difference = evaluator − self, for the heat map by category), and the holder's totals year by
 * year: the assessments of the same holder and purpose the user may see (a reviewer sees only the
 * one assigned), whatever version each was scored on, its totals as points of its version.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class AssessmentComparison {

	private final AssessmentSheets sheets;

	private final AssessmentAccess access;

	private final AssessmentRepository assessments;

	private final RegionScope scope;

	AssessmentComparison(AssessmentSheets sheets, AssessmentAccess access, AssessmentRepository assessments,
			RegionScope scope) {
		this.sheets = sheets;
		this.access = access;
		this.assessments = assessments;
		this.scope = scope;
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
		return new Comparison(sheet, categories, years(sheet));
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
	public record Comparison(AssessmentSheet sheet, List<Category> categories, List<Year> years) {

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

	/** One year of the holder: its totals so far (self, evaluator's, adopted) and where it stands. */
	public record Year(long assessmentId, int year, AssessmentState state, @Nullable BigDecimal self,
			@Nullable BigDecimal evaluator, @Nullable BigDecimal adopted, @Nullable Boolean passed) {

		static Year of(Assessment assessment) {
			return new Year(assessment.getId(), assessment.getYear(), assessment.getState(), assessment.getSelfTotal(),
					assessment.getEvaluatorTotal(), assessment.getAdoptedTotal(), assessment.getPassed());
		}

	}

}
