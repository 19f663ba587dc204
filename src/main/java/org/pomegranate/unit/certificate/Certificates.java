package org.pomegranate.unit.certificate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.unit.naming.HolderKind;
import org.pomegranate.unit.naming.NamingLevel;
import org.pomegranate.unit.naming.NamingState;
import org.pomegranate.unit.naming.VerificationCodes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 授牌: what the printed certificate of a title says (for the record keepers, inside their scope,
 * only for a title that was named), and what the public verification page says of the title a code
 * names (for anyone, signed in or not: no scope, and nothing but holder, title, level, issuer,
 * dates and state). {@link #verify} is the one method open to all; every other one is the record
 * keepers' alone.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class Certificates {

	static final String ENTITY = "Naming";

	private static final String SELECT = """
			select n.id, n.holder_kind, n.holder_region_code, n.holder_name, n.title, n.level, n.state,
			       n.named_on, n.valid_until, n.decision_number, n.revoked_on, n.verification_code,
			       n.issuer_region_code, issuer.name as issuer_name, h.head_name, h.ethnicity
			from naming n
			join region issuer on issuer.code = n.issuer_region_code
			left join household h on h.id = n.household_id
			""";

	private final JdbcTemplate jdbc;

	private final RegionScope scope;

	private final Clock clock;

	Certificates(JdbcTemplate jdbc, RegionScope scope, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.clock = clock;
	}

	/**
	 * The certificate of title {@code id}; a title of a holder outside the user's region, an
	 * application (never named) and a missing id all answer the same 404.
	 */
	public Certificate certificate(long id) {
		var today = ChinaTime.today(clock);
		var found = jdbc.query(SELECT + " where n.id = ? and n.named_on is not null", (rs, n) -> certificate(rs, today), id)
			.stream()
			.findFirst()
			.orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		scope.checkRegion(found.holderRegionCode(), ENTITY, id);
		return found;
	}

	/**
	 * What the verification page shows for {@code code}; empty for a code no title has, or no code
	 * at all. Open to anyone (the page answers without a login), so it returns only {@link Verification}.
	 */
	@PreAuthorize("permitAll()")
	public Optional<Verification> verify(String code) {
		if (!VerificationCodes.isWellFormed(code)) {
			return Optional.empty();
		}
		var today = ChinaTime.today(clock);
		return jdbc.query(SELECT + " where n.verification_code = ?", (rs, n) -> verification(rs, today), code)
			.stream()
			.findFirst();
	}

	private static Certificate certificate(ResultSet rs, LocalDate today) throws SQLException {
		var validUntil = rs.getObject("valid_until", LocalDate.class);
		return new Certificate(rs.getLong("id"), HolderKind.valueOf(rs.getString("holder_kind")),
				rs.getString("holder_region_code"), rs.getString("holder_name"), rs.getString("title"),
				NamingLevel.valueOf(rs.getString("level")),
				Standing.asOf(NamingState.valueOf(rs.getString("state")), validUntil, today), rs.getString("issuer_name"),
				rs.getString("decision_number"), rs.getObject("named_on", LocalDate.class), validUntil,
				rs.getObject("revoked_on", LocalDate.class), rs.getString("verification_code"));
	}

	private static Verification verification(ResultSet rs, LocalDate today) throws SQLException {
		var kind = HolderKind.valueOf(rs.getString("holder_kind"));
		var validUntil = rs.getObject("valid_until", LocalDate.class);
		var state = Standing.asOf(NamingState.valueOf(rs.getString("state")), validUntil, today);
		var holder = kind == HolderKind.HOUSEHOLD
				? PublicHolderNames.household(rs.getString("head_name"), rs.getString("ethnicity"))
				: rs.getString("holder_name");
		return new Verification(holder, rs.getString("title"), NamingLevel.valueOf(rs.getString("level")),
				rs.getString("issuer_name"), rs.getObject("named_on", LocalDate.class), validUntil, state,
				state == NamingState.REVOKED ? rs.getObject("revoked_on", LocalDate.class) : null, today);
	}

	/**
	 * A certificate as printed: {@code state} as of today (a live title past its last day is
	 * 已到期), {@code issuerName} the issuing region's name, {@code decisionNumber} the 文号.
	 */
	public record Certificate(long id, HolderKind holderKind, String holderRegionCode, String holderName, String title,
			NamingLevel level, NamingState state, String issuerName, @Nullable String decisionNumber, LocalDate namedOn,
			LocalDate validUntil, @Nullable LocalDate revokedOn, String verificationCode) {

		/** Whether the certificate no longer stands: 已撤销, 已到期 or 已续期, printed across it. */
		public boolean ended() {
			return !state.isLive();
		}

	}

	/**
	 * All that the public page says: the holder (a household as 扎西某家庭), the title, its level,
	 * the issuing region, the dates, and the state as of {@code asOf} (today), with the day it was
	 * revoked.
	 */
	public record Verification(String holder, String title, NamingLevel level, String issuerName, LocalDate namedOn,
			LocalDate validUntil, NamingState state, @Nullable LocalDate revokedOn, LocalDate asOf) {
	}

}
