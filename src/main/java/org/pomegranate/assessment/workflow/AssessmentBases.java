package org.pomegranate.assessment.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.IndicatorFrameworkRepository;
import org.pomegranate.unit.NamingAssessments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The confirmed assessments that passed, as the namings name them as the basis of a title. */
@Component
@Transactional(readOnly = true)
class AssessmentBases implements NamingAssessments {

	private final AssessmentRepository assessments;

	private final IndicatorFrameworkRepository frameworks;

	AssessmentBases(AssessmentRepository assessments, IndicatorFrameworkRepository frameworks) {
		this.assessments = assessments;
		this.frameworks = frameworks;
	}

	@Override
	public List<Basis> passed(String regionCode, @Nullable Long unitId) {
		var found = unitId == null
				? assessments.findByHolderRegionCodeAndUnitIdIsNullAndStateAndPassedTrueOrderByYearDescIdDesc(regionCode,
						AssessmentState.CONFIRMED)
				: assessments.findByUnitIdAndStateAndPassedTrueOrderByYearDescIdDesc(unitId, AssessmentState.CONFIRMED);
		return found.stream().map(this::basis).toList();
	}

	@Override
	public Optional<Basis> find(long assessmentId) {
		return assessments.findById(assessmentId)
			.filter(assessment -> assessment.getState() == AssessmentState.CONFIRMED && Boolean.TRUE.equals(assessment.getPassed()))
			.map(this::basis);
	}

	private Basis basis(Assessment assessment) {
		var framework = frameworks.findById(assessment.getFrameworkId()).orElseThrow();
		return new Basis(assessment.getId(), assessment.getHolderRegionCode(), assessment.getUnitId(), assessment.getHolderName(),
				assessment.getYear(), framework.getName() + " 第" + framework.getVersionNumber() + "版",
				Objects.requireNonNull(assessment.getAdoptedTotal()));
	}

}
