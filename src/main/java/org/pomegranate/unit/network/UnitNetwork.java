package org.pomegranate.unit.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 石榴籽 work network of a township as a tree, 工作中心 › 工作室 › 工作队, each node with its
 * active members and 育籽员 (counted from memberships). A county or prefecture user chooses the
 * township; a township or village user sees their own.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class UnitNetwork {

	private static final List<UnitKind> NETWORK = List.of(UnitKind.WORK_CENTRE, UnitKind.WORK_STUDIO, UnitKind.WORK_TEAM);

	private final CampaignUnitRepository units;

	private final RegionService regions;

	private final RegionScope scope;

	private final JdbcTemplate jdbc;

	UnitNetwork(CampaignUnitRepository units, RegionService regions, RegionScope scope, JdbcTemplate jdbc) {
		this.units = units;
		this.regions = regions;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/** The townships a user above them may choose, in code order; none for a township or village user. */
	public List<Region> townshipChoices() {
		if (!scope.region().isAbove(RegionLevel.TOWNSHIP)) {
			return List.of();
		}
		return regions.selectable(RegionLevel.TOWNSHIP).stream().filter(r -> r.getLevel() == RegionLevel.TOWNSHIP).toList();
	}

	/** The region whose tree is shown by default: the user's own, when it is a township or a village. */
	public java.util.Optional<String> ownTownship() {
		var own = scope.region();
		return own.isAbove(RegionLevel.TOWNSHIP) ? java.util.Optional.empty() : java.util.Optional.of(own.toString());
	}

	/**
	 * The tree of {@code regionCode}, a township (or a village) in the user's scope; any other code
	 * answers 404 as a missing record does.
	 */
	public NetworkTree tree(String regionCode) {
		var code = RegionCode.parse(regionCode)
			.filter(c -> !c.isAbove(RegionLevel.TOWNSHIP))
			.orElseThrow(() -> new RecordNotFoundException("Township", regionCode));
		var region = regions.get(code.toString());
		var prefix = code + "%";
		Specification<CampaignUnit> where = scope.<CampaignUnit>specification()
			.and((root, q, cb) -> cb.like(root.get(CampaignUnit_.regionCode), prefix))
			.and((root, q, cb) -> cb.equal(root.get(CampaignUnit_.state), UnitState.ACTIVE))
			.and((root, q, cb) -> root.get(CampaignUnit_.kind).in(NETWORK));
		var found = units.findAll(where, Sort.by(CampaignUnit_.NAME, CampaignUnit_.ID));
		var counts = new HashMap<Long, int[]>();
		jdbc.query("""
				select m.unit_id, count(distinct m.cadre_id) as members,
				       count(distinct m.cadre_id) filter (where m.role = 'YUZIYUAN') as yuziyuan
				from unit_membership m
				where m.left_on is null and m.region_code like ?
				group by m.unit_id""", rs -> {
			counts.put(rs.getLong("unit_id"), new int[] { rs.getInt("members"), rs.getInt("yuziyuan") });
		}, prefix);
		var nodes = new HashMap<Long, NetworkNode>();
		for (var unit : found) {
			var count = counts.getOrDefault(unit.getId(), new int[2]);
			nodes.put(unit.getId(), new NetworkNode(unit, count[0], count[1], new ArrayList<>()));
		}
		var roots = new ArrayList<NetworkNode>();
		for (var unit : found) {
			var node = nodes.get(unit.getId());
			var parent = unit.getParentId() == null ? null : nodes.get(unit.getParentId());
			if (parent != null && unit.getKind() != UnitKind.WORK_CENTRE) {
				parent.children().add(node);
			}
			else {
				roots.add(node);
			}
		}
		roots.sort(Comparator.comparing((NetworkNode n) -> n.unit().getKind()).thenComparing(n -> n.unit().getName()));
		var byKind = new HashMap<UnitKind, Integer>();
		found.forEach(unit -> byKind.merge(unit.getKind(), 1, Integer::sum));
		var totals = jdbc.queryForMap("""
				select count(distinct m.cadre_id) as members,
				       count(distinct m.cadre_id) filter (where m.role = 'YUZIYUAN') as yuziyuan
				from unit_membership m join campaign_unit u on u.id = m.unit_id
				where m.left_on is null and u.state = 'ACTIVE' and m.region_code like ?""", prefix);
		return new NetworkTree(region, roots, byKind.getOrDefault(UnitKind.WORK_CENTRE, 0),
				byKind.getOrDefault(UnitKind.WORK_STUDIO, 0), byKind.getOrDefault(UnitKind.WORK_TEAM, 0),
				((Number) totals.get("members")).intValue(), ((Number) totals.get("yuziyuan")).intValue());
	}

	/** A unit of the tree with its active members, its 育籽员, and the units below it. */
	public record NetworkNode(CampaignUnit unit, int members, int yuziyuan, List<NetworkNode> children) {
	}

	/**
	 * A township's network: the centres (and any unit whose parent lies outside the township) at the
	 * top; the counts of centres, studios and teams, and the distinct cadres in them and 育籽员.
	 */
	public record NetworkTree(Region region, List<NetworkNode> roots, int centres, int studios, int teams,
			int members, int yuziyuan) {

		public Map<String, Integer> asMap() {
			return Map.of("centres", centres, "studios", studios, "teams", teams, "members", members, "yuziyuan", yuziyuan);
		}

	}

}
