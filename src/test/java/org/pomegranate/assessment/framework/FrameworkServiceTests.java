package org.pomegranate.assessment.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.assessment.framework.FrameworkFixtures.ABA_ADMIN;
import static org.pomegranate.assessment.framework.FrameworkFixtures.BARKAM_ADMIN;
import static org.pomegranate.assessment.framework.FrameworkFixtures.BARKAM_STAFF;
import static org.pomegranate.assessment.framework.FrameworkFixtures.article;
import static org.pomegranate.assessment.framework.FrameworkFixtures.bonus;
import static org.pomegranate.assessment.framework.FrameworkFixtures.category;
import static org.pomegranate.assessment.framework.FrameworkFixtures.item;
import static org.pomegranate.assessment.framework.FrameworkFixtures.newFramework;
import static org.pomegranate.assessment.framework.FrameworkFixtures.veto;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.assessment.framework.FrameworkForms.SettingsForm;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Authoring a framework through the service as the admins of 阿坝州 and 马尔康市 would: who may
 * author, the tree and its sums, the problems that stop publishing, publishing, the immutability
 * of a published version (the service and, under it, the database), the next version, stale
 * forms, and what readers of other regions see.
 */
@IntegrationTest
class FrameworkServiceTests {

	@Autowired
	FrameworkService frameworks;

	@Autowired
	FrameworkLabels labels;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void signIn() {
		FrameworkFixtures.users(jdbc);
		FrameworkFixtures.signIn(users, ABA_ADMIN);
	}

	@AfterEach
	void signOut() {
		FrameworkFixtures.signOut();
	}

	@Test
	void theDemoCountyFrameworkHasSevenCategoriesTwentyItemsAndFiftyEightArticlesMakingOneHundred() {
		FrameworkFixtures.signIn(users, "kd_staff");
		var county = demo(FrameworkKind.COUNTY);
		var tree = frameworks.tree(county.getId());
		assertThat(tree.categories()).hasSize(7);
		assertThat(tree.itemCount()).isEqualTo(20);
		assertThat(tree.articleCount()).isEqualTo(58);
		assertThat(tree.categoriesSum()).isEqualByComparingTo("100");
		assertThat(tree.categories().stream().map(c -> c.node().getPoints().stripTrailingZeros().toPlainString()).toList())
			.containsExactly("15", "15", "14", "15", "16", "15", "10");
		assertThat(tree.categories()).allMatch(FrameworkTree.Branch::addsUp);
		assertThat(tree.categories().stream().flatMap(c -> c.children().stream())).allMatch(FrameworkTree.Branch::addsUp);
		assertThat(tree.bonus()).extracting(IndicatorNode::getCode).containsExactly("J1", "J2", "J3", "J4");
		assertThat(tree.bonusSum()).isEqualByComparingTo("8");
		assertThat(tree.penalties()).extracting(IndicatorNode::getCode).containsExactly("K1", "K2");
		assertThat(tree.vetoes()).extracting(IndicatorNode::getCode).containsExactly("F1", "F2");
		assertThat(tree.problems()).isEmpty();
		assertThat(county.getName()).isEqualTo("示范县测评指标（演示）");
		assertThat(county.getIssuerRegionCode()).isEqualTo("51");
		assertThat(county.isDemonstration()).isTrue();
		assertThat(county.getState()).isEqualTo(FrameworkState.PUBLISHED);
		assertThat(county.getBonusCap()).isEqualByComparingTo("5");
		assertThat(county.approvalLevels()).containsExactly(RegionLevel.COUNTY, RegionLevel.PREFECTURE);
		// The live figures the README binds, with their methods and targets.
		var live = tree.articles().stream().filter(a -> a.getMetric() != null)
			.collect(Collectors.toMap(IndicatorNode::getCode, a -> a.getMetric() + " " + a.getScoringMethod() + " "
					+ a.getTarget().stripTrailingZeros().toPlainString()));
		assertThat(live).containsExactlyInAnyOrderEntriesOf(Map.of("4.1.1", "PAIRING_COVERAGE TIERS 100", "4.1.2",
				"OVERDUE_VISITS DEDUCTION 0", "5.1.2", "WALL_POSTED YES_NO 100", "5.2.2", "RESOLUTION_RATE RATIO 95",
				"5.2.3", "SATISFACTION TIERS 90", "5.2.4", "BACKLOG_CLOSED RATIO 10", "2.2.1", "PUBLICITY_SESSIONS DEDUCTION 60",
				"6.3.1", "OVERDUE_RECTIFICATIONS DEDUCTION 0"));

		var agency = demo(FrameworkKind.AGENCY);
		var agencyTree = frameworks.tree(agency.getId());
		assertThat(agencyTree.categories()).hasSize(3);
		assertThat(agencyTree.itemCount()).isEqualTo(7);
		assertThat(agencyTree.articleCount()).isEqualTo(16);
		assertThat(agencyTree.problems()).isEmpty();
		assertThat(agency.getName()).isEqualTo("机关测评指标（演示）");
	}

	@Test
	void onlyAdminsOfAProvinceOrPrefectureAuthor() {
		assertThat(frameworks.permissions().create()).isTrue();
		FrameworkFixtures.signIn(users, BARKAM_ADMIN);
		assertThat(frameworks.permissions().create()).isFalse();
		assertThatThrownBy(() -> frameworks.create(newFramework("县级不能编制"))).isInstanceOf(BusinessRuleException.class)
			.hasMessage("framework.refused.level");
		assertThat(labels.text("framework.refused.level")).startsWith("只有省、市（州）管理员可以编制测评指标");
		FrameworkFixtures.signIn(users, BARKAM_STAFF);
		assertThatThrownBy(() -> frameworks.create(newFramework("填报员不能编制"))).isInstanceOf(BusinessRuleException.class)
			.hasMessage("framework.refused.role");
		assertThat(jdbc.queryForObject("select count(*) from indicator_framework where name like '%不能编制'", Long.class)).isZero();
	}

	@Test
	void theTreeAddsUpAndItsProblemsSayWhatIsMissing() {
		var framework = frameworks.create(newFramework(name()));
		var id = framework.getId();
		add(id, category("1", "60"));
		add(id, category("2", "40"));
		add(id, item("1.1", "1", "60"));
		add(id, article("1.1.1", "1.1", "30"));
		add(id, article("1.1.2", "1.1", "20"));
		add(id, item("2.1", "2", "40"));

		var tree = frameworks.tree(id);
		assertThat(tree.categoriesSum()).isEqualByComparingTo("100");
		assertThat(tree.categories().get(0).childrenSum()).isEqualByComparingTo("60");
		assertThat(tree.categories().get(0).children().get(0).childrenSum()).isEqualByComparingTo("50");
		assertThat(tree.problems().stream().map(labels::of))
			.containsExactly("第1.1项各条合计50分，应为60分。", "第2.1项下还没有条。");

		add(id, article("1.1.3", "1.1", "10"));
		add(id, article("2.1.1", "2.1", "40"));
		assertThat(frameworks.tree(id).problems()).isEmpty();
		add(id, bonus("J1", "3"));
		assertThat(frameworks.tree(id).problems()).isEmpty();
	}

	@Test
	void aDraftThatDoesNotAddUpIsNotPublishedAndOnceItDoesItIs() {
		var id = frameworks.create(newFramework(name())).getId();
		add(id, category("1", "100"));
		add(id, item("1.1", "1", "100"));
		add(id, article("1.1.1", "1.1", "90"));
		assertThatThrownBy(() -> frameworks.publish(id, version(id))).isInstanceOfSatisfying(BusinessRuleException.class,
				ex -> assertThat(labels.text(ex.messageKey(), ex.arguments()))
					.isEqualTo("尚不能发布：第1.1项各条合计90分，应为100分。"));
		assertThat(frameworks.get(id).isDraft()).isTrue();

		add(id, article("1.1.2", "1.1", "10"));
		var published = frameworks.publish(id, version(id));
		assertThat(published.getState()).isEqualTo(FrameworkState.PUBLISHED);
		assertThat(published.getPublishedBy()).isEqualTo(ABA_ADMIN);
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'IndicatorFramework' "
				+ "and entity_id = ? and summary like '发布测评指标%'", Long.class, String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void aPublishedVersionIsRefusedEveryEditByTheServiceAndByTheDatabase() {
		var id = publishedFramework();
		var node = frameworks.nodes(id).stream().filter(n -> n.getCode().equals("1.1.1")).findFirst().orElseThrow();
		long version = version(id);
		assertThat(frameworks.permissions(frameworks.get(id)).edit()).isFalse();
		assertThatThrownBy(() -> add(id, article("1.1.9", "1.1", "1"))).hasMessage("framework.refused.published");
		assertThatThrownBy(() -> frameworks.changeNode(node.getId(), article("1.1.1", "1.1", "50").at(version)))
			.hasMessage("framework.refused.published");
		assertThatThrownBy(() -> frameworks.deleteNode(node.getId(), version)).hasMessage("framework.refused.published");
		assertThatThrownBy(() -> frameworks.moveNode(node.getId(), false, version)).hasMessage("framework.refused.published");
		assertThatThrownBy(() -> frameworks.changeSettings(id, settings(id, "改名"))).hasMessage("framework.refused.published");
		assertThatThrownBy(() -> frameworks.publish(id, version)).hasMessage("framework.refused.published");
		assertThat(labels.text("framework.refused.published")).isEqualTo("该版本已发布，不能再修改。如需修订，请生成新版本。");

		var before = snapshot(id);
		assertThatThrownBy(() -> jdbc.update("update indicator_node set points = 50 where id = ?", node.getId()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
		assertThatThrownBy(() -> jdbc.update("delete from indicator_node where id = ?", node.getId()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
		assertThatThrownBy(() -> jdbc.update("""
				insert into indicator_node (framework_id, parent_id, level, code, position, title, points, scoring_method)
				values (?, ?, 'ARTICLE', '1.1.9', 9, '偷加的条', 1, 'JUDGEMENT')""", id, node.getParentId()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
		assertThatThrownBy(() -> jdbc.update("update indicator_framework set pass_mark = 60 where id = ?", id))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("cannot change");
		assertThat(snapshot(id)).isEqualTo(before);
	}

	@Test
	void aNewVersionCopiesEveryNodeWithItsOriginAndPublishingItRetiresTheOldOne() {
		var first = publishedFramework();
		var before = snapshot(first);
		var originals = frameworks.nodes(first);
		var next = frameworks.startNextVersion(first, version(first));
		assertThat(next.getVersionNumber()).isEqualTo(2);
		assertThat(next.isDraft()).isTrue();
		assertThat(next.lineage()).isEqualTo(first);
		assertThat(next.getPredecessorId()).isEqualTo(first);
		var copies = frameworks.nodes(next.getId());
		assertThat(copies).hasSameSizeAs(originals);
		var byId = originals.stream().collect(Collectors.toMap(IndicatorNode::getId, n -> n));
		for (var copy : copies) {
			var origin = byId.get(copy.getOriginId());
			assertThat(origin).as(copy.getCode()).isNotNull();
			assertThat(copy.content()).isEqualTo(origin.content());
			assertThat(copy.getId()).isNotEqualTo(origin.getId());
			if (copy.getParentId() != null) {
				// The copy hangs under the copy of its origin's parent, not under the old version.
				var parent = copies.stream().filter(c -> c.getId().equals(copy.getParentId())).findFirst().orElseThrow();
				assertThat(parent.getOriginId()).isEqualTo(origin.getParentId());
			}
		}
		assertThatThrownBy(() -> frameworks.startNextVersion(first, version(first))).hasMessage("framework.refused.draftExists");

		var nextId = next.getId();
		var article = copies.stream().filter(n -> n.getCode().equals("1.1.2")).findFirst().orElseThrow();
		frameworks.changeNode(article.getId(), article("1.1.2", "1.1", "10").titled("修订后的条").at(version(nextId)));
		frameworks.publish(nextId, version(nextId));
		assertThat(frameworks.get(first).getState()).isEqualTo(FrameworkState.RETIRED);
		assertThat(frameworks.get(nextId).getState()).isEqualTo(FrameworkState.PUBLISHED);
		assertThat(snapshot(first)).isEqualTo(before);
		assertThat(frameworks.versions(first)).extracting(IndicatorFramework::getVersionNumber).containsExactly(2, 1);
	}

	@Test
	void aFormOpenedBeforeAnotherChangeIsRefusedAsStale() {
		var id = frameworks.create(newFramework(name())).getId();
		long opened = version(id);
		add(id, category("1", "100"));
		assertThat(version(id)).isGreaterThan(opened);
		assertThatThrownBy(() -> frameworks.addNode(id, category("2", "10").at(opened)))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> frameworks.changeSettings(id, new SettingsForm("旧表单", "100", "90", "", "", "10", List.of(),
				false, "", opened))).isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(frameworks.nodes(id)).extracting(IndicatorNode::getCode).containsExactly("1");
		assertThat(labels.text("framework.refused.stale")).contains("已被他人修改");
	}

	@Test
	void nodesMoveAmongTheirSiblingsAndDeletingOneTakesWhatIsBelowIt() {
		var id = frameworks.create(newFramework(name())).getId();
		add(id, category("1", "50"));
		add(id, category("2", "50"));
		add(id, item("1.1", "1", "25"));
		add(id, item("1.2", "1", "25"));
		add(id, article("1.2.1", "1.2", "25"));
		add(id, veto("F1"));
		var second = node(id, "1.2");
		frameworks.moveNode(second.getId(), true, version(id));
		assertThat(frameworks.tree(id).categories().get(0).children()).extracting(b -> b.node().getCode())
			.containsExactly("1.2", "1.1");
		assertThatThrownBy(() -> frameworks.moveNode(second.getId(), true, version(id))).hasMessage("framework.refused.first");
		frameworks.moveNode(node(id, "2").getId(), true, version(id));
		assertThat(frameworks.tree(id).categories()).extracting(b -> b.node().getCode()).containsExactly("2", "1");
		// A veto is the only one of its list: the categories are not its siblings.
		assertThatThrownBy(() -> frameworks.moveNode(node(id, "F1").getId(), true, version(id)))
			.hasMessage("framework.refused.first");

		frameworks.deleteNode(node(id, "1").getId(), version(id));
		assertThat(frameworks.nodes(id)).extracting(IndicatorNode::getCode).containsExactlyInAnyOrder("2", "F1");
	}

	@Test
	void aNodeFormWithWrongRowsIsRefusedWithEveryProblemBesideItsField() {
		var id = frameworks.create(newFramework(name())).getId();
		add(id, category("1", "100"));
		add(id, item("1.1", "1", "100"));
		assertThatThrownBy(() -> add(id, article("1.1", "1.1", "2.555").scoring(ScoringMethod.JUDGEMENT, "")
			.live(LiveMetric.SATISFACTION, "90"))).isInstanceOfSatisfying(RowsRefusedException.class,
					ex -> assertThat(ex.problems().stream().map(p -> p.column().field() + ": " + labels.of(p)))
						.containsExactly("code: 编号“1.1”重复。",
								"points: 分值“2.555”不对：应为 0 到 9999.99 之间的数，最多两位小数。"));
		assertThatThrownBy(() -> add(id, article("1.1.1", "1.1", "5").scoring(ScoringMethod.JUDGEMENT, "")
			.live(LiveMetric.SATISFACTION, "90"))).isInstanceOfSatisfying(RowsRefusedException.class,
					ex -> assertThat(ex.problems().stream().map(p -> p.column().field() + ": " + labels.of(p)))
						.containsExactly("metric: 第1.1.1条为评议，不能由实时指标计分，请改用其他计分方法或不绑定实时指标。"));
		assertThatThrownBy(() -> add(id, article("1.1.1", "1", "5"))).isInstanceOfSatisfying(RowsRefusedException.class,
				ex -> assertThat(ex.problems().stream().map(labels::of)).containsExactly("上级编号“1”不是本表中任何项的编号。"));
		assertThat(frameworks.nodes(id)).extracting(IndicatorNode::getCode).containsExactly("1", "1.1");
	}

	@Test
	void readersSeeTheFrameworksOfTheirRegionAndAboveAndAdminsAlsoBelow() {
		var id = frameworks.create(newFramework(name())).getId();
		FrameworkFixtures.signIn(users, BARKAM_STAFF);
		assertThat(frameworks.get(id).getIssuerRegionCode()).isEqualTo("5132");
		assertThat(frameworks.permissions(frameworks.get(id))).isEqualTo(new FrameworkService.FrameworkPermissions(false, false, false));
		assertThat(ids(frameworks.list(FrameworkQuery.all(), PageRequest.of(0, 500)).getContent())).contains(id);
		FrameworkFixtures.signIn(users, "kd_admin");
		assertThatThrownBy(() -> frameworks.get(id)).isInstanceOf(RecordNotFoundException.class);
		assertThat(ids(frameworks.list(FrameworkQuery.all(), PageRequest.of(0, 500)).getContent())).doesNotContain(id);
		// The demo frameworks of 四川省 are everyone's in the province.
		assertThat(frameworks.published(FrameworkKind.COUNTY)).extracting(IndicatorFramework::getName)
			.contains("示范县测评指标（演示）");

		FrameworkFixtures.user(jdbc, "fw_sichuan_supervisor", "SUPERVISOR", "51");
		FrameworkFixtures.signIn(users, "fw_sichuan_supervisor");
		assertThat(frameworks.get(id).getName()).startsWith("测试指标");
		FrameworkFixtures.user(jdbc, "fw_sichuan_staff", "STAFF", "51");
		FrameworkFixtures.signIn(users, "fw_sichuan_staff");
		assertThatThrownBy(() -> frameworks.get(id)).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void aDoubleSubmittedNewFrameworkFormMakesOneDraft() {
		var form = newFramework(name());
		var first = frameworks.create(form);
		var second = frameworks.create(form);
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(jdbc.queryForObject("select count(*) from indicator_framework where name = ?", Long.class, form.name()))
			.isEqualTo(1);
	}

	// Helpers

	private IndicatorFramework demo(FrameworkKind kind) {
		return frameworks.published(kind).stream().filter(IndicatorFramework::isDemonstration).findFirst().orElseThrow();
	}

	/** A published framework of 阿坝州: one category, one item, two articles, a bonus and a veto item. */
	private long publishedFramework() {
		var id = frameworks.create(newFramework(name())).getId();
		add(id, category("1", "100"));
		add(id, item("1.1", "1", "100"));
		add(id, article("1.1.1", "1.1", "90").scoring(ScoringMethod.DEDUCTION, "0.5"));
		add(id, article("1.1.2", "1.1", "10").scoring(ScoringMethod.TIERS, "95:100;90:80").live(LiveMetric.PAIRING_COVERAGE,
				"100"));
		add(id, bonus("J1", "3"));
		add(id, veto("F1"));
		frameworks.publish(id, version(id));
		return id;
	}

	private void add(long id, FrameworkFixtures.Node node) {
		frameworks.addNode(id, node.at(version(id)));
	}

	private long version(long id) {
		return jdbc.queryForObject("select version from indicator_framework where id = ?", Long.class, id);
	}

	private IndicatorNode node(long id, String code) {
		return frameworks.nodes(id).stream().filter(n -> n.getCode().equals(code)).findFirst().orElseThrow();
	}

	private SettingsForm settings(long id, String name) {
		var form = SettingsForm.of(frameworks.get(id));
		return new SettingsForm(name, form.basePoints(), form.passMark(), form.bonusCap(), form.penaltyCap(), form.appealDays(),
				form.approvalLevels(), form.demonstration(), form.note(), form.version());
	}

	/** Everything a version says (all but its state and lock version) and its nodes, as one text to compare. */
	private String snapshot(long id) {
		return jdbc.queryForObject("""
				select (select (f.kind, f.issuer_region_code, f.name, f.version_number, f.base_points, f.pass_mark, f.bonus_cap,
				                f.penalty_cap, f.appeal_days, f.approval_levels, f.demonstration, f.note, f.published_at)::text
				        from indicator_framework f where f.id = ?) || ' | '
				    || (select string_agg(n::text, ',' order by n.id) from indicator_node n where n.framework_id = ?)""",
				String.class, id, id);
	}

	private static List<Long> ids(List<IndicatorFramework> list) {
		return list.stream().map(IndicatorFramework::getId).toList();
	}

	private static String name() {
		return "测试指标" + UUID.randomUUID().toString().substring(0, 8);
	}

}
