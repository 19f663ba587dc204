package org.pomegranate.unit;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.pomegranate.unit.naming.VerificationCodes;
import org.pomegranate.web.RouteDecisions;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who may use the 授牌 and 名录 routes, for {@code AuthorizationMatrixTests}: the certificate, its
 * QR code and the list are the record keepers'; the verification page is anyone's, signed in or not.
 */
public class CertificateRouteDecisions implements RouteDecisions {

	private static final String AUTHOR = "authorization-test";

	@Override
	public Map<String, @Nullable Set<Role>> matrix() {
		var recordKeepers = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);
		var matrix = new HashMap<String, @Nullable Set<Role>>();
		matrix.put("GET /namings/{id}/certificate", recordKeepers);
		matrix.put("GET /namings/{id}/certificate/qr.png", recordKeepers);
		matrix.put("GET /namings/directory", recordKeepers);
		matrix.put("GET /namings/directory/export", recordKeepers);
		matrix.put("GET /verify/{verificationCode}", null);
		return matrix;
	}

	/**
	 * A title of {@code county} itself (示范区), named long ago and ended (已到期), so that no figure
	 * of live titles counts it: {@code "naming"} → its id, {@code "verificationCode"} (and {@code "verify"}) → its code.
	 */
	@Override
	public Map<String, String> records(String county, JdbcTemplate jdbc) {
		var title = sampleTitle(county, jdbc);
		var code = (String) title.get("verification_code");
		// HostileRequestsTests names a path variable's record by the route's first segment: "verify".
		return Map.of("naming", String.valueOf(title.get("id")), "verificationCode", code, "verify", code);
	}

	/**
	 * The one sample title of {@code county} that every /namings/{id} route is tried on (the title
	 * routes' decisions use it too): the county named as a 示范区 in 2000, long expired, so that
	 * it has a certificate and a verification code and counts in no live figure.
	 */
	static Map<String, Object> sampleTitle(String county, JdbcTemplate jdbc) {
		jdbc.update("""
				insert into naming (holder_kind, holder_region_code, holder_name, title, level, issuer_region_code, state,
				                    applied_on, named_on, valid_until, decision_number, verification_code, created_by)
				select 'REGION', code, name, '授权测试示范区', 'COUNTY', code, 'EXPIRED', '1999-12-01', '2000-01-01',
				       '2004-12-31', '授权测试〔2000〕1号', ?, ?
				from region where code = ?
				  and not exists (select 1 from naming where created_by = ? and holder_region_code = ?)""",
				VerificationCodes.next(), AUTHOR, county, AUTHOR, county);
		return jdbc.queryForMap("select id, verification_code from naming where created_by = ? and holder_region_code = ?",
				AUTHOR, county);
	}

}
