package org.pomegranate.assessment.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.FrameworkForms.NewFrameworkForm;
import org.pomegranate.assessment.framework.FrameworkForms.NodeForm;
import org.pomegranate.assessment.framework.FrameworkForms.SettingsForm;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Indicator frameworks for the people who use and author them. Everyone who keeps records reads
 * the frameworks issued by their own region or one above it (admins and supervisors also those
 * issued below them); a framework outside that answers 404. Admins of a province or prefecture
 * author: a draft of their own region, its settings and nodes (added, changed, deleted, moved
 * among their siblings, replaced from a spreadsheet), published once its points add up (which
 * retires the version before it), and the next version, a copy of every node pointing back at its
 * origin. Every write asks the framework ({@link IndicatorFramework#refusal}); a published version
 * changes never (the trigger of {@code R__assessment.sql} refuses too); a form opened at an older
 * version of the framework is refused as stale; each write is audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'STAFF')")
public class FrameworkService {

	static final String ENTITY = FrameworkDrafts.ENTITY;

	private static final String SUBMISSION_KIND = "indicator-framework";

	private final IndicatorFrameworkRepository frameworks;

	private final IndicatorNodeRepository nodes;

	private final FrameworkDrafts drafts;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final FrameworkLabels labels;

	FrameworkService(IndicatorFrameworkRepository frameworks, IndicatorNodeRepository nodes, FrameworkDrafts drafts,
			SubmissionTokens submissions, AuditLog auditLog, FrameworkLabels labels) {
		this.frameworks = frameworks;
		this.nodes = nodes;
		this.drafts = drafts;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.labels = labels;
	}

	// What the user may do

	/** Whether the signed-in user may create frameworks: an admin of a province or prefecture. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(author().authoringRefusal().isEmpty());
	}

	public record Permissions(boolean create) {
	}

	/** What the signed-in user may do with this version now: what its page offers. */
	public FrameworkPermissions permissions(IndicatorFramework framework) {
		var author = author();
		var edit = framework.refusal(FrameworkAction.EDIT, author).isEmpty();
		var newVersion = framework.refusal(FrameworkAction.NEW_VERSION, author).isEmpty()
				&& frameworks.findByLineageIdOrderByVersionNumberDesc(framework.lineage())
					.stream()
					.noneMatch(IndicatorFramework::isDraft);
		return new FrameworkPermissions(edit, framework.refusal(FrameworkAction.PUBLISH, author).isEmpty(), newVersion);
	}

	/** The buttons of a version's page: edit the draft (settings, nodes, import), publish it, start the next version. */
	public record FrameworkPermissions(boolean edit, boolean publish, boolean newVersion) {
	}

	/** Why the signed-in user may not take {@code action} on this version now, as a message key; empty when they may. */
	public java.util.Optional<String> refusal(IndicatorFramework framework, FrameworkAction action) {
		return framework.refusal(action, author());
	}

	/** The signed-in user as an author. */
	Author author() {
		return drafts.author();
	}

	// Reading

	/** The frameworks the user may use, newest version first within each. */
	public Page<IndicatorFramework> list(FrameworkQuery query, Pageable pageable) {
		var where = drafts.visible();
		if (query.kind() != null) {
			var kind = query.kind();
			where = where.and((root, q, cb) -> cb.equal(root.get(IndicatorFramework_.kind), kind));
		}
		if (query.state() != null) {
			var state = query.state();
			where = where.and((root, q, cb) -> cb.equal(root.get(IndicatorFramework_.state), state));
		}
		return frameworks.findAll(where, pageable);
	}

	/** The published versions of {@code kind} the user may use, the nearest issuer first: what an assessment starts on. */
	public List<IndicatorFramework> published(FrameworkKind kind) {
		Specification<IndicatorFramework> where = drafts.visible().and((root, q, cb) -> cb.and(
				cb.equal(root.get(IndicatorFramework_.kind), kind),
				cb.equal(root.get(IndicatorFramework_.state), FrameworkState.PUBLISHED)));
		return frameworks.findAll(where,
				Sort.by(Sort.Direction.DESC, IndicatorFramework_.ISSUER_REGION_CODE).and(Sort.by(IndicatorFramework_.NAME)));
	}

	/** One version the user may use; 404 for one that does not exist or lies outside. */
	public IndicatorFramework get(long id) {
		return drafts.get(id);
	}

	/** A version's nodes, in their order within each parent. */
	public List<IndicatorNode> nodes(long id) {
		get(id);
		return nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
	}

	/** One node of a version the user may use; 404 for a node of a version outside. */
	public IndicatorNode node(long nodeId) {
		var node = nodes.findById(nodeId).orElseThrow(() -> new RecordNotFoundException("IndicatorNode", nodeId));
		get(node.getFrameworkId());
		return node;
	}

	/** The version as its page shows it: the tree with its sums and the problems that stop publishing. */
	public FrameworkTree tree(long id) {
		return FrameworkTree.of(get(id), nodes.findByFrameworkIdOrderByPositionAscIdAsc(id));
	}

	/** Every version of the framework, newest first. */
	public List<IndicatorFramework> versions(long id) {
		var framework = get(id);
		return frameworks.findByLineageIdOrderByVersionNumberDesc(framework.lineage());
	}

	/** The codes a new node under {@code parent} (or of {@code level} at the top) would take next: 2.3 after 2.2. */
	public String nextCode(long id, NodeLevel level, @Nullable String parentCode) {
		var all = nodes(id);
		var prefix = parentCode == null ? switch (level) {
			case BONUS -> "J";
			case PENALTY -> "K";
			case VETO -> "F";
			default -> "";
		} : parentCode + ".";
		var taken = all.stream().map(IndicatorNode::getCode).collect(Collectors.toSet());
		for (int number = 1;; number++) {
			if (!taken.contains(prefix + number)) {
				return prefix + number;
			}
		}
	}

	// Authoring

	/** 新建: a draft of the admin's own region, version 1, without nodes. */
	@Transactional
	public IndicatorFramework create(@Valid NewFrameworkForm form) {
		var claim = submissions.claim(form.submission(), SUBMISSION_KIND);
		var earlier = claim.earlierId();
		if (earlier.isPresent()) {
			return get(earlier.get());
		}
		var framework = drafts.newDraft(Objects.requireNonNull(form.kind()), form.settings());
		claim.made(framework.getId());
		return framework;
	}

	/** 设置: the draft's name, base, pass mark, caps, appeal days, approval levels, 演示 flag and note. */
	@Transactional
	public IndicatorFramework changeSettings(long id, @Valid SettingsForm form) {
		var framework = forEdit(id, form.version());
		framework.change(form.settings(), author());
		framework = frameworks.saveAndFlush(framework);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "修改测评指标设置：" + framework.getName());
		return framework;
	}

	/** Adds a node at the end of its siblings; the parent is named by its code. */
	@Transactional
	public IndicatorNode addNode(long id, @Valid NodeForm form) {
		var framework = forEdit(id, form.version());
		var all = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
		var parsed = FrameworkRows.parse("", List.of(form.row()), levels(all, null)).get(0);
		var parentId = parentId(all, parsed.parentCode());
		var node = nodes.saveAndFlush(new IndicatorNode(id, parentId, parsed.content(), nextPosition(all, parentId,
				parsed.content().level())));
		drafts.touch(framework);
		auditLog.record(AuditAction.CREATE, ENTITY, id, "新增" + labels.of(node.getLevel()) + " " + node.getCode() + " "
				+ node.getTitle());
		return node;
	}

	/** Changes a node's content; its level and place stay. */
	@Transactional
	public IndicatorNode changeNode(long nodeId, @Valid NodeForm form) {
		var node = node(nodeId);
		long id = node.getFrameworkId();
		var framework = forEdit(id, form.version());
		var all = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
		var parentCode = parentCode(all, node);
		var fixed = new NodeForm(node.getLevel(), parentCode, form.code(), form.title(), form.points(), form.requirement(),
				form.evidenceKinds(), form.testMethods(), form.scoringMethod(), form.parameter(), form.metric(),
				form.target(), form.source(), form.version());
		var parsed = FrameworkRows.parse("", List.of(fixed.row()), levels(all, node)).get(0);
		node.change(parsed.content());
		node = nodes.saveAndFlush(node);
		drafts.touch(framework);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "修改" + labels.of(node.getLevel()) + " " + node.getCode() + " "
				+ node.getTitle());
		return node;
	}

	/** Deletes a node and everything below it. */
	@Transactional
	public void deleteNode(long nodeId, long version) {
		var node = node(nodeId);
		long id = node.getFrameworkId();
		var framework = forEdit(id, version);
		var all = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
		var doomed = new ArrayList<IndicatorNode>();
		collect(node, all, doomed);
		// The deepest first, so that no row is left pointing at a deleted parent.
		doomed.sort(Comparator.comparing((IndicatorNode n) -> n.getLevel().ordinal()).reversed());
		nodes.deleteAll(doomed);
		nodes.flush();
		drafts.touch(framework);
		auditLog.record(AuditAction.DELETE, ENTITY, id, "删除" + labels.of(node.getLevel()) + " " + node.getCode() + " "
				+ node.getTitle() + (doomed.size() > 1 ? "（含下级 " + (doomed.size() - 1) + " 个）" : ""));
	}

	private static void collect(IndicatorNode node, List<IndicatorNode> all, List<IndicatorNode> into) {
		into.add(node);
		all.stream().filter(other -> Objects.equals(other.getParentId(), node.getId())).forEach(child -> collect(child, all, into));
	}

	/** Moves a node one place up (or down) among its siblings. */
	@Transactional
	public void moveNode(long nodeId, boolean up, long version) {
		var node = node(nodeId);
		long id = node.getFrameworkId();
		var framework = forEdit(id, version);
		var all = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id);
		var siblings = new ArrayList<>(siblings(all, node.getParentId(), node.getLevel()));
		int at = siblings.indexOf(node);
		int to = up ? at - 1 : at + 1;
		if (to < 0 || to >= siblings.size()) {
			throw new BusinessRuleException(up ? "framework.refused.first" : "framework.refused.last");
		}
		siblings.set(at, siblings.get(to));
		siblings.set(to, node);
		for (int i = 0; i < siblings.size(); i++) {
			siblings.get(i).moveTo(siblings.get(i).getParentId(), i + 1);
		}
		nodes.saveAllAndFlush(siblings);
		drafts.touch(framework);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, (up ? "上移" : "下移") + labels.of(node.getLevel()) + " " + node.getCode());
	}

	/**
	 * 发布: refused, with every problem, while the points do not add up; the version before it
	 * (if published) is retired.
	 */
	@Transactional
	public IndicatorFramework publish(long id, long version) {
		var framework = forEdit(id, version);
		var problems = FrameworkChecks.problems(framework, nodes.findByFrameworkIdOrderByPositionAscIdAsc(id));
		if (!problems.isEmpty()) {
			throw new BusinessRuleException("framework.refused.problems",
					problems.stream().map(labels::of).collect(Collectors.joining(" ")));
		}
		framework.publish(author());
		for (var other : frameworks.findByLineageIdOrderByVersionNumberDesc(framework.lineage())) {
			if (!other.getId().equals(framework.getId()) && other.isPublished()) {
				other.retire();
				auditLog.record(AuditAction.RETIRE, ENTITY, other.getId(),
						"停用测评指标 " + other.getName() + " 第" + other.getVersionNumber() + "版（已发布新版本）");
			}
		}
		framework = frameworks.saveAndFlush(framework);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, "发布测评指标 " + framework.getName() + " 第" + framework.getVersionNumber() + "版");
		return framework;
	}

	/** 新版本: a draft copying every node of this published version, each pointing back at its origin. */
	@Transactional
	public IndicatorFramework startNextVersion(long id, long version) {
		var framework = get(id);
		StaleEdits.requireVersion(framework.getVersion(), version, ENTITY, id);
		if (frameworks.findByLineageIdOrderByVersionNumberDesc(framework.lineage()).stream().anyMatch(IndicatorFramework::isDraft)) {
			throw new BusinessRuleException("framework.refused.draftExists");
		}
		int number = frameworks.lastVersionNumber(framework.lineage()).orElse(framework.getVersionNumber()) + 1;
		var next = frameworks.saveAndFlush(framework.nextVersion(number, author()));
		var copies = new HashMap<Long, Long>();
		var originals = nodes.findByFrameworkIdOrderByPositionAscIdAsc(id)
			.stream()
			.sorted(Comparator.comparing((IndicatorNode n) -> n.getLevel().ordinal()))
			.toList();
		for (var original : originals) {
			var parent = original.getParentId() == null ? null : copies.get(original.getParentId());
			copies.put(original.getId(), nodes.save(original.copyInto(next.getId(), parent)).getId());
		}
		nodes.flush();
		auditLog.record(AuditAction.CREATE, ENTITY, next.getId(),
				"新建测评指标 " + next.getName() + " 第" + number + "版草稿（复制第" + framework.getVersionNumber() + "版 "
						+ originals.size() + " 个节点）");
		return next;
	}

	// The rules every write shares (the rest in FrameworkDrafts)

	/** The draft to change: in scope, at the version the form was opened at, and this author's to edit. */
	private IndicatorFramework forEdit(long id, @Nullable Long version) {
		return drafts.forEdit(id, version);
	}

	/** The codes of the version's nodes with their levels, but {@code except}'s own. */
	private static Map<String, NodeLevel> levels(List<IndicatorNode> all, @Nullable IndicatorNode except) {
		var levels = new HashMap<String, NodeLevel>();
		all.stream().filter(node -> node != except).forEach(node -> levels.put(node.getCode(), node.getLevel()));
		return levels;
	}

	private static @Nullable Long parentId(List<IndicatorNode> all, @Nullable String parentCode) {
		return parentCode == null ? null
				: all.stream().filter(node -> node.getCode().equals(parentCode)).findFirst().map(IndicatorNode::getId).orElse(null);
	}

	private static @Nullable String parentCode(List<IndicatorNode> all, IndicatorNode node) {
		return node.getParentId() == null ? null
				: all.stream().filter(other -> other.getId().equals(node.getParentId())).findFirst().map(IndicatorNode::getCode).orElse(null);
	}

	private static List<IndicatorNode> siblings(List<IndicatorNode> all, @Nullable Long parentId, NodeLevel level) {
		return all.stream()
			.filter(node -> Objects.equals(node.getParentId(), parentId) && (parentId != null || node.getLevel() == level))
			.sorted(Comparator.comparingInt(IndicatorNode::getPosition).thenComparing(IndicatorNode::getId))
			.toList();
	}

	private static int nextPosition(List<IndicatorNode> all, @Nullable Long parentId, NodeLevel level) {
		return siblings(all, parentId, level).stream().mapToInt(IndicatorNode::getPosition).max().orElse(0) + 1;
	}

}
