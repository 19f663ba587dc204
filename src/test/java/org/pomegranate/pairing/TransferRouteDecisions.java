package org.pomegranate.pairing;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the transfer-request routes (迁移申请), for {@code AuthorizationMatrixTests}: a
 * requester (staff, or an admin standing in) reads their own; admins list and decide those of
 * their region.
 */
public class TransferRouteDecisions implements RouteDecisions {

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var admins = EnumSet.of(Role.ADMIN);
		return Map.of("GET /transfers", admins, "GET /transfers/mine", EnumSet.of(Role.ADMIN, Role.STAFF),
				"GET /transfers/{id}", admins, "POST /transfers/{id}/approve", admins, "POST /transfers/{id}/refuse", admins);
	}

	@Override
	public Map<String, Map<String, String>> parameters() {
		return Map.of("POST /transfers/{id}/approve", Map.of("version", "-1"), "POST /transfers/{id}/refuse",
				Map.of("version", "-1", "reason", "授权测试"));
	}

	/** A request decided in {@code county}: one of its households asked into another of its villages. */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		jdbc.update("""
				insert into household_transfer (household_id, region_code, from_region_code, to_region_code,
				                                requested_head_name, requested_by, state)
				select h.id, ?, h.region_code, (select max(code) from region where level = 'VILLAGE' and code like ?),
				       '授权测试', 'authorization-test', 'SENT'
				from household h where h.region_code like ? order by h.id limit 1
				on conflict (household_id, requested_by) where state = 'SENT' do nothing""", county, county + "%",
				county + "%");
		var id = jdbc.queryForObject("""
				select max(id) from household_transfer where requested_by = 'authorization-test' and region_code = ?""",
				Long.class, county);
		return Map.of("transfer", String.valueOf(id));
	}

}
