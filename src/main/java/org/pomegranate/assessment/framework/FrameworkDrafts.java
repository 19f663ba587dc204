package org.pomegranate.assessment.framework;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkRows.ParsedNode;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.OutOfScopeException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

/**
 * What the framework services share, inside their transactions: who authors, which versions the
 * user may see (issued by their region or above; for admins and supervisors also below), the
 * draft a write may change (in scope, this author's, at the form's version), a new draft, saving
 * parsed nodes, and marking a version changed when its nodes change.
 */
@Component
class FrameworkDrafts {

	static final String ENTITY = "IndicatorFramework";

	private final IndicatorFrameworkRepository frameworks;

	private final IndicatorNodeRepository nodes;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final FrameworkLabels labels;

	private final EntityManager entityManager;

	FrameworkDrafts(IndicatorFrameworkRepository frameworks, IndicatorNodeRepository nodes, RegionScope scope,
			AuditLog auditLog, FrameworkLabels labels, EntityManager entityManager) {
		this.frameworks = frameworks;
		this.nodes = nodes;
		this.scope = scope;
		this.auditLog = auditLog;
		this.labels = labels;
		this.entityManager = entityManager;
	}

	/** The signed-in user as an author. */
	Author author() {
		return new Author(scope.currentUsername(), CurrentRoles.anyOf("ADMIN"), scope.prefix());
	}

	/** One version the user may use; 404 for one that does not exist or lies outside. */
	public IndicatorFramework get(long id) {
		var framework = frameworks.findById(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		if (!visible(framework)) {
			throw new OutOfScopeException(ENTITY, id);
		}
		return framework;
	}

	IndicatorFramework newDraft(FrameworkKind kind, FrameworkSettings settings) {
		var framework = frameworks.saveAndFlush(IndicatorFramework.draft(kind, settings, author()));
		framework.startLineage();
		framework = frameworks.saveAndFlush(framework);
		auditLog.record(AuditAction.CREATE, ENTITY, framework.getId(),
				"新建测评指标草稿：" + framework.getName() + "（" + labels.of(kind) + "，第1版）");
		return framework;
	}

	/** Saves parsed nodes, parents before children, each at the end of its siblings in the rows' order. */
	void insert(IndicatorFramework framework, List<ParsedNode> parsed) {
		var ids = new HashMap<String, Long>();
		var positions = new HashMap<String, Integer>();
		var ordered = parsed.stream().sorted(Comparator.comparing((ParsedNode p) -> p.content().level().ordinal())).toList();
		for (var node : ordered) {
			var parentId = node.parentCode() == null ? null : ids.get(node.parentCode());
			var group = parentId == null ? node.content().level().name() : String.valueOf(parentId);
			int position = positions.merge(group, 1, Integer::sum);
			ids.put(node.content().code(),
					nodes.save(new IndicatorNode(framework.getId(), parentId, node.content(), position)).getId());
		}
		nodes.flush();
	}

	/** The draft to change: in scope, at the version the form was opened at, and this author's to edit. */
	IndicatorFramework forEdit(long id, @Nullable Long version) {
		var framework = get(id);
		framework.require(FrameworkAction.EDIT, author());
		StaleEdits.requireVersion(framework.getVersion(), StaleEdits.versionOf(version), ENTITY, id);
		return framework;
	}

	/** A change of its nodes is a change of the version: the next stale form is refused. */
	void touch(IndicatorFramework framework) {
		entityManager.lock(framework, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
		entityManager.flush();
	}

	private boolean visible(IndicatorFramework framework) {
		var user = scope.region();
		var issuer = RegionCode.of(framework.getIssuerRegionCode());
		return issuer.covers(user) || (readsBelow() && user.covers(issuer));
	}

	/** Issued by the user's region or one above it; for admins and supervisors also below. */
	Specification<IndicatorFramework> visible() {
		var path = scope.region().path().stream().map(RegionCode::toString).toList();
		if (!readsBelow()) {
			return (root, q, cb) -> root.get(IndicatorFramework_.issuerRegionCode).in(path);
		}
		var below = scope.prefix() + "%";
		return (root, q, cb) -> cb.or(root.get(IndicatorFramework_.issuerRegionCode).in(path),
				cb.like(root.get(IndicatorFramework_.issuerRegionCode), below));
	}

	private static boolean readsBelow() {
		return CurrentRoles.anyOf("ADMIN", "SUPERVISOR");
	}

}
