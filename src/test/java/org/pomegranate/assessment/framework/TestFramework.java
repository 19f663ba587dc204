package org.pomegranate.assessment.framework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * A framework version in memory for the arithmetic tests (no database): named steps add its
 * categories, items, articles and 奖惩清单 items, each with an id as the database would give it.
 */
final class TestFramework {

	private final List<IndicatorNode> nodes = new ArrayList<>();

	private long nextId = 1;

	private String base = "100";

	private String passMark = "90";

	private @Nullable String bonusCap;

	private @Nullable String penaltyCap;

	static TestFramework framework() {
		return new TestFramework();
	}

	TestFramework base(String points) {
		this.base = points;
		return this;
	}

	TestFramework passMark(String points) {
		this.passMark = points;
		return this;
	}

	TestFramework bonusCap(@Nullable String points) {
		this.bonusCap = points;
		return this;
	}

	TestFramework penaltyCap(@Nullable String points) {
		this.penaltyCap = points;
		return this;
	}

	IndicatorFramework version() {
		var settings = new FrameworkSettings("测试指标", new BigDecimal(base), new BigDecimal(passMark), decimal(bonusCap),
				decimal(penaltyCap), 10, List.of(RegionLevel.COUNTY), false, null);
		return new IndicatorFramework(FrameworkKind.COUNTY, "5132", "测试指标", settings, "test");
	}

	List<IndicatorNode> nodes() {
		return List.copyOf(nodes);
	}

	IndicatorNode category(String code, String points) {
		return add(null, NodeLevel.CATEGORY, code, points, null, null, "");
	}

	IndicatorNode item(IndicatorNode category, String code, String points) {
		return add(category, NodeLevel.ITEM, code, points, null, null, "");
	}

	/** An article scored by 评议. */
	IndicatorNode article(IndicatorNode item, String code, String points) {
		return add(item, NodeLevel.ARTICLE, code, points, ScoringMethod.JUDGEMENT, null, "");
	}

	IndicatorNode article(IndicatorNode item, String code, String points, @Nullable ScoringMethod method,
			@Nullable String deduction, String tiers) {
		return add(item, NodeLevel.ARTICLE, code, points, method, deduction, tiers);
	}

	IndicatorNode bonus(String code, String points) {
		return add(null, NodeLevel.BONUS, code, points, null, null, "");
	}

	IndicatorNode penalty(String code, String points) {
		return add(null, NodeLevel.PENALTY, code, points, null, null, "");
	}

	IndicatorNode veto(String code) {
		return add(null, NodeLevel.VETO, code, null, null, null, "");
	}

	/** A veto item given points, which a veto must not have. */
	IndicatorNode vetoWithPoints(String code, String points) {
		return add(null, NodeLevel.VETO, code, points, null, null, "");
	}

	private IndicatorNode add(@Nullable IndicatorNode parent, NodeLevel level, String code, @Nullable String points,
			@Nullable ScoringMethod method, @Nullable String deduction, String tiers) {
		var content = new NodeContent(level, code, "测试" + code, decimal(points), null, Set.of(), Set.of(), method,
				decimal(deduction), Tier.parse(tiers), null, null, null);
		var node = new IndicatorNode(1L, parent == null ? null : parent.getId(), content, nodes.size() + 1);
		ReflectionTestUtils.setField(node, "id", nextId++);
		nodes.add(node);
		return node;
	}

	private static @Nullable BigDecimal decimal(@Nullable String text) {
		return text == null ? null : new BigDecimal(text);
	}

}
