package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.EnumBits;

/**
 * A node of a framework version: a category, item or article of the tree (an article with its
 * requirement, the evidence expected, the test methods and its {@link Scoring}), or an item of the
 * 奖惩清单. {@code code} (1, 1.2, 1.2.3, J1, K1, F1) is unique in its version and is what a
 * spreadsheet and a version mapping refer to; {@code originId} the node of the previous version
 * it was copied from. Changed only through {@link FrameworkService} and the import of
 * {@link FrameworkSpreadsheets}, while its version is a draft.
 */
@Entity
@Table(name = "indicator_node")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class IndicatorNode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private long frameworkId;

	private @Nullable Long parentId;

	private @Nullable Long originId;

	@Enumerated(EnumType.STRING)
	private NodeLevel level;

	private String code;

	private int position;

	private String title;

	private @Nullable BigDecimal points;

	private @Nullable String requirement;

	private int evidenceKinds;

	private int testMethods;

	@Enumerated(EnumType.STRING)
	private @Nullable ScoringMethod scoringMethod;

	private @Nullable BigDecimal deduction;

	private @Nullable String tiers;

	@Enumerated(EnumType.STRING)
	private @Nullable LiveMetric metric;

	private @Nullable BigDecimal target;

	private @Nullable String source;

	IndicatorNode(long frameworkId, @Nullable Long parentId, NodeContent content, int position) {
		this.frameworkId = frameworkId;
		this.parentId = parentId;
		this.position = position;
		apply(content);
	}

	/** A copy for the next version, pointing back at this node. */
	IndicatorNode copyInto(long nextFrameworkId, @Nullable Long nextParentId) {
		var copy = new IndicatorNode(nextFrameworkId, nextParentId, content(), position);
		copy.originId = id;
		return copy;
	}

	public NodeContent content() {
		return new NodeContent(level, code, title, points, requirement, evidenceKinds(), testMethods(), scoringMethod,
				deduction, tiers == null ? List.of() : Tier.parse(tiers), metric, target, source);
	}

	public Set<EvidenceKind> evidenceKinds() {
		return EnumBits.toSet(EvidenceKind.class, evidenceKinds);
	}

	public Set<TestMethod> testMethods() {
		return EnumBits.toSet(TestMethod.class, testMethods);
	}

	/** How it is scored; only for an article. */
	public @Nullable Scoring scoring() {
		return content().scoring();
	}

	void change(NodeContent content) {
		apply(content);
	}

	void moveTo(@Nullable Long parentId, int position) {
		this.parentId = parentId;
		this.position = position;
	}

	private void apply(NodeContent content) {
		this.level = content.level();
		this.code = content.code();
		this.title = content.title();
		this.points = content.points();
		this.requirement = content.requirement();
		this.evidenceKinds = EnumBits.of(content.evidenceKinds());
		this.testMethods = EnumBits.of(content.testMethods());
		this.scoringMethod = content.scoringMethod();
		this.deduction = content.deduction();
		this.tiers = content.tiers().isEmpty() ? null : Tier.format(content.tiers());
		this.metric = content.metric();
		this.target = content.target();
		this.source = content.source();
	}

}
