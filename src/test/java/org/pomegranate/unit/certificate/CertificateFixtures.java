package org.pomegranate.unit.certificate;

import org.pomegranate.TestRegions;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.naming.VerificationCodes;
import org.springframework.context.MessageSource;
import org.springframework.context.support.AbstractMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Titles, holders and users of the 授牌 tests, all in 阿坝州: a township of 黑水县 (513228) made for
 * each test class, so that no other test's titles come into its lists; 小金县 (513227) is "another
 * county". Titles are written by JDBC, as the naming module would have left them.
 */
final class CertificateFixtures {

	static final String COUNTY = "513228";

	static final String OTHER_COUNTY = "513227";

	static final String PREFECTURE = "5132";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcTemplate jdbc;

	CertificateFixtures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A new township of {@code county} with one village, {@code [township, village]}. */
	String[] township(String county) {
		var code = TestRegions.township(jdbc, county, "授牌测试乡");
		var village = code + "001";
		jdbc.update("insert into region (code, name, level, parent_code) values (?, ?, 'VILLAGE', ?)", village,
				"授牌测试村" + code.substring(6), code);
		return new String[] { code, village };
	}

	/** A new account of {@code role} in {@code regionCode}. */
	String user(String role, String regionCode) {
		var username = "cert_" + role.toLowerCase(Locale.ROOT) + "_" + Long.toString(System.nanoTime(), 36)
				+ SEQUENCE.incrementAndGet();
		jdbc.update("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values (?, '授牌测试', '{noop}-', ?, ?)""", username, role, regionCode);
		return username;
	}

	long household(String village, String headName, String ethnicity, String phone, String idNumber) {
		return jdbc.queryForObject("""
				insert into household (head_name, id_number, ethnicity, phone, region_code, address, member_count)
				values (?, ?, ?, ?, ?, '授牌测试村一组', 4) returning id""", Long.class, headName, idNumber, ethnicity, phone,
				village);
	}

	long unit(String name, String regionCode) {
		return jdbc.queryForObject("""
				insert into campaign_unit (name, kind, region_code, created_by) values (?, 'WORK_STUDIO', ?, 'cert-test')
				returning id""", Long.class, name, regionCode);
	}

	long batch(String issuer, NamingLevel level, int year, int number, String decisionNumber) {
		return jdbc.queryForObject("""
				insert into naming_batch (issuer_region_code, level, year, number, title, decision_number, decided_on, created_by)
				values (?, ?, ?, ?, '授牌测试批次', ?, ?, 'cert-test') returning id""", Long.class, issuer, level.name(), year,
				number, decisionNumber, LocalDate.of(year, 3, 1));
	}

	/** A title as the naming module leaves it; {@code namedOn} null for an application. */
	Title title(Holder holder, String title, NamingLevel level, String issuer, NamingState state,
			@Nullable LocalDate namedOn, @Nullable LocalDate validUntil, @Nullable String decisionNumber,
			@Nullable Long batchId, @Nullable LocalDate revokedOn) {
		var code = namedOn == null ? null : VerificationCodes.next();
		long id = jdbc.queryForObject("""
				insert into naming (holder_kind, holder_region_code, unit_id, household_id, holder_name, title, level,
				                    issuer_region_code, state, applied_on, batch_id, named_on, valid_until, decision_number,
				                    rectify_by, revoked_on, revocation_number, revocation_reason, verification_code, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'cert-test') returning id""", Long.class,
				holder.kind().name(), holder.regionCode(), holder.kind() == HolderKind.UNIT ? holder.id() : null,
				holder.kind() == HolderKind.HOUSEHOLD ? holder.id() : null, holder.name(), title, level.name(), issuer,
				state.name(), namedOn == null ? LocalDate.of(2020, 1, 1) : namedOn.minusMonths(2), batchId, namedOn,
				validUntil, decisionNumber, state == NamingState.RECTIFYING ? LocalDate.now().plusMonths(3) : null,
				revokedOn, revokedOn == null ? null : "授牌测试撤〔" + revokedOn.getYear() + "〕2号",
				revokedOn == null ? null : "复查不合格", code);
		return new Title(id, code);
	}

	record Holder(HolderKind kind, @Nullable Long id, String regionCode, String name) {

		static Holder region(String code, String name) {
			return new Holder(HolderKind.REGION, null, code, name);
		}

	}

	record Title(long id, @Nullable String verificationCode) {
	}

	/**
	 * The labels of the naming enums are the naming part's bundle's (defined once, there); where
	 * this branch runs without it, the labels the shared design fixes stand in, as fallbacks only:
	 * a key the bundles define always wins.
	 */
	static void enumLabels(MessageSource messages) {
		if (messages.getMessage("NamingState.VALID", null, null, Locale.SIMPLIFIED_CHINESE) != null) {
			return;
		}
		var labels = new Properties();
		labels.put("HolderKind.REGION", "示范区");
		labels.put("HolderKind.UNIT", "示范单位");
		labels.put("HolderKind.HOUSEHOLD", "示范家庭");
		labels.put("NamingLevel.COUNTY", "县级");
		labels.put("NamingLevel.PREFECTURE", "州级");
		labels.put("NamingLevel.PROVINCE", "省级");
		labels.put("NamingLevel.NATIONAL", "国家级");
		labels.put("NamingState.APPLIED", "申报中");
		labels.put("NamingState.NOT_NAMED", "未予命名");
		labels.put("NamingState.VALID", "有效");
		labels.put("NamingState.UNDER_RECHECK", "复查中");
		labels.put("NamingState.RECTIFYING", "限期整改");
		labels.put("NamingState.EXPIRED", "已到期");
		labels.put("NamingState.REVOKED", "已撤销");
		labels.put("NamingState.RENEWED", "已续期");
		((AbstractMessageSource) messages).setCommonMessages(labels);
	}

}
