package org.pomegranate.assessment.workflow;

import java.util.List;

import org.pomegranate.assessment.framework.FrameworkQuery;
import org.pomegranate.assessment.framework.FrameworkService;
import org.pomegranate.assessment.framework.FrameworkState;
import org.pomegranate.assessment.framework.IndicatorFramework;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assessments of the user's region subtree, for the list, and the published versions an assessment may start on. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class AssessmentList {

	private final AssessmentRepository assessments;

	private final FrameworkService frameworks;

	private final RegionScope scope;

	AssessmentList(AssessmentRepository assessments, FrameworkService frameworks, RegionScope scope) {
		this.assessments = assessments;
		this.frameworks = frameworks;
		this.scope = scope;
	}

	public Page<Assessment> list(AssessmentQuery query, Pageable pageable) {
		Specification<Assessment> where = scope.specification(Assessment_.HOLDER_REGION_CODE);
		if (query.year() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(Assessment_.year), query.year()));
		}
		if (query.state() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(Assessment_.state), query.state()));
		}
		if (query.purpose() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(Assessment_.purpose), query.purpose()));
		}
		var region = org.pomegranate.shared.RegionCode.parse(query.region());
		if (region.isPresent()) {
			var code = region.get().toString();
			where = where.and(query.exact() ? (root, q, cb) -> cb.equal(root.get(Assessment_.holderRegionCode), code)
					: (root, q, cb) -> cb.like(root.get(Assessment_.holderRegionCode), code + "%"));
		}
		if (query.passed() != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(Assessment_.passed), query.passed()));
		}
		if (query.text() != null && !query.text().isBlank()) {
			var pattern = Like.containing(query.text().strip());
			where = where.and((root, q, cb) -> cb.like(root.get(Assessment_.holderName), pattern, Like.ESCAPE));
		}
		return assessments.findAll(where, pageable);
	}

	/** The published versions the user may start an assessment on, the nearest issuer first. */
	public List<IndicatorFramework> startable() {
		return frameworks.list(new FrameworkQuery(null, FrameworkState.PUBLISHED),
				Pageable.unpaged(Sort.by(Sort.Direction.DESC, "issuerRegionCode").and(Sort.by("name"))))
			.getContent();
	}

}
