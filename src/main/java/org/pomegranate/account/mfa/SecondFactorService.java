package org.pomegranate.account.mfa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.Role;
import org.pomegranate.account.signin.SessionTerminator;
import org.pomegranate.account.user.UserAccount;
import org.pomegranate.account.user.UserAccountRepository;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.audit.AuditOutcome;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrolling an authenticator, passing the second step with a code or a recovery code, an admin of
 * a higher region resetting a user's authenticator, and the regions whose supervisors must use
 * one. Every enrolment, use, failure, lockout, reset and recovery is in the audit log.
 */
@Service
public class SecondFactorService {

	static final int RECOVERY_CODES = 10;

	private static final String ENTITY = "UserAccount";

	private final SecondFactorRepository factors;

	private final RecoveryCodeRepository recoveryCodes;

	private final SecondFactorRegionRepository regionRules;

	private final UserAccountRepository accounts;

	private final SecondFactorPolicy policy;

	private final TotpCodes totp;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	private final RegionScope scope;

	private final RegionService regions;

	private final SessionTerminator sessions;

	private final Clock clock;

	SecondFactorService(SecondFactorRepository factors, RecoveryCodeRepository recoveryCodes,
			SecondFactorRegionRepository regionRules, UserAccountRepository accounts, SecondFactorPolicy policy,
			TotpCodes totp, PasswordEncoder passwordEncoder, AuditLog auditLog, RegionScope scope,
			RegionService regions, SessionTerminator sessions, Clock clock) {
		this.factors = factors;
		this.recoveryCodes = recoveryCodes;
		this.regionRules = regionRules;
		this.accounts = accounts;
		this.policy = policy;
		this.totp = totp;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
		this.scope = scope;
		this.regions = regions;
		this.sessions = sessions;
		this.clock = clock;
	}

	/**
	 * @param offered the user may enrol
	 * @param active an authenticator is confirmed
	 * @param required sign-in asks for the second step
	 * @param recoveryCodesLeft unused recovery codes
	 */
	public record Status(boolean offered, boolean active, boolean required, int recoveryCodesLeft) {
	}

	/** What the enrolment page shows: the QR code and, for typing in by hand, the secret and URI. */
	public record Enrolment(String secret, String uri, String qrCodeDataUri) {

		/** The secret in groups of four, as authenticator apps show it. */
		public String groupedSecret() {
			return String.join(" ", secret.split("(?<=\\G.{4})"));
		}

	}

	/** The codes shown once after a confirmation. */
	public record RecoveryCodes(List<String> codes) {
	}

	@Transactional(readOnly = true)
	public Status status(CurrentUser user) {
		var factor = factors.findById(user.id());
		return new Status(policy.offeredTo(user), factor.map(SecondFactor::isActive).orElse(false),
				policy.requiredFor(user), recoveryCodes.findByUserIdAndUsedAtIsNull(user.id()).size());
	}

	/** The enrolment page of a secret the user's session drew. */
	public Enrolment enrolment(CurrentUser user, String secret) {
		return new Enrolment(secret, totp.uri(user.getUsername(), secret), totp.qrCodeDataUri(user.getUsername(), secret));
	}

	/**
	 * Draws a new secret for the user, to be kept by the session that asked for it until its first
	 * code confirms it; nothing is stored, so an active authenticator keeps working meanwhile. An
	 * active authenticator is replaced only from a session that passed it: a password alone must not
	 * be enough to bind another phone.
	 */
	@Transactional(readOnly = true)
	public Enrolment startEnrolment(CurrentUser user) {
		if (!policy.offeredTo(user)) {
			throw new BusinessRuleException("secondFactor.error.notOffered");
		}
		checkMayReplace(factors.findById(user.id()));
		return enrolment(user, totp.newSecret());
	}

	/**
	 * Confirms the secret the session drew with its first code: it becomes the user's authenticator
	 * (the old one stops working now) and ten new recovery codes are returned, the only time they are
	 * shown. A wrong code counts towards the lockout of an authenticator already stored.
	 */
	@Transactional(noRollbackFor = BusinessRuleException.class)
	public RecoveryCodes confirmEnrolment(CurrentUser user, String secret, String code) {
		if (!policy.offeredTo(user)) {
			throw new BusinessRuleException("secondFactor.error.notOffered");
		}
		var existing = factors.findForUpdate(user.id());
		// Checked again: another session may have confirmed a first authenticator since this one drew its secret.
		checkMayReplace(existing);
		var now = clock.instant();
		var factor = existing.orElseGet(() -> new SecondFactor(user.id(), secret, now));
		var outcome = factor.confirmNewSecret(secret, totp.matchingStep(secret, code, now), now);
		if (!outcome.accepted()) {
			var shown = recordFailure(user.getUsername(), user.regionCode(), factor, outcome, "绑定验证码错误");
			throw new BusinessRuleException(messageKey(shown));
		}
		if (existing.isEmpty()) {
			factors.save(factor);
		}
		recoveryCodes.deleteByUserId(user.id());
		var codes = Arrays.asList(totp.newRecoveryCodes(RECOVERY_CODES));
		codes.forEach(c -> recoveryCodes.save(new RecoveryCode(user.id(), passwordEncoder.encode(normalised(c)))));
		auditLog.recordLogin(AuditAction.SECOND_FACTOR_ENROL, user.getUsername(), user.regionCode(),
				AuditOutcome.SUCCESS, (existing.map(SecondFactor::isActive).orElse(false) ? "更换" : "绑定")
						+ "身份验证器，生成 " + RECOVERY_CODES + " 个恢复码");
		return new RecoveryCodes(codes);
	}

	private static void checkMayReplace(Optional<SecondFactor> existing) {
		if (existing.filter(SecondFactor::isActive).isPresent()
				&& !SecondFactorAuthority.passedBy(SecurityContextHolder.getContext().getAuthentication())) {
			throw new BusinessRuleException("secondFactor.error.replaceNeedsFactor");
		}
	}

	/** The second step of sign-in with a code of the authenticator. */
	@Transactional
	SecondFactor.Outcome signInWithCode(CurrentUser user, String code) {
		var factor = factors.findForUpdate(user.id()).filter(SecondFactor::isActive);
		if (factor.isEmpty()) {
			return SecondFactor.Outcome.WRONG;
		}
		var now = clock.instant();
		var outcome = factor.get().offer(totp.matchingStep(factor.get().getSecret(), code, now), now);
		if (outcome.accepted()) {
			auditLog.recordLogin(AuditAction.SECOND_FACTOR_LOGIN, user.getUsername(), user.regionCode(),
					AuditOutcome.SUCCESS, "通过身份验证器验证");
			return outcome;
		}
		return recordFailure(user.getUsername(), user.regionCode(), factor.get(), outcome, "验证码错误");
	}

	/** The second step of sign-in with a recovery code, which is used up. */
	@Transactional
	SecondFactor.Outcome signInWithRecoveryCode(CurrentUser user, String code) {
		var factor = factors.findForUpdate(user.id()).filter(SecondFactor::isActive);
		if (factor.isEmpty()) {
			return SecondFactor.Outcome.WRONG;
		}
		var now = clock.instant();
		var typed = normalised(code);
		var unused = recoveryCodes.findByUserIdAndUsedAtIsNull(user.id());
		var match = typed.isEmpty() || typed.length() > 64 ? Optional.<RecoveryCode>empty()
				: unused.stream().filter(c -> passwordEncoder.matches(typed, c.getCodeHash())).findFirst();
		var outcome = factor.get().recoveryCode(match.isPresent(), now);
		if (outcome.accepted()) {
			match.get().use(now);
			auditLog.recordLogin(AuditAction.RECOVERY_CODE_LOGIN, user.getUsername(), user.regionCode(),
					AuditOutcome.SUCCESS, "使用恢复码登录，剩余 " + (unused.size() - 1) + " 个");
			return outcome;
		}
		return recordFailure(user.getUsername(), user.regionCode(), factor.get(), outcome, "恢复码错误");
	}

	/**
	 * @param user the user whose authenticator it is
	 * @param status their authenticator
	 * @param mayReset whether the signed-in admin may reset it (an admin of a higher region)
	 */
	public record UserSecondFactor(long userId, String username, String displayName, Role role, String regionName,
			boolean active, boolean pending, boolean mayReset) {
	}

	/** A user's authenticator as an admin sees it; a user outside the admin's region answers as missing. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public UserSecondFactor forAdmin(long userId) {
		var account = scope.check(accounts.findById(userId), ENTITY, userId);
		var factor = factors.findById(userId);
		return new UserSecondFactor(account.getId(), account.getUsername(), account.getDisplayName(),
				account.getRole(), regions.nameLookup().apply(account.getRegionCode()),
				factor.map(SecondFactor::isActive).orElse(false), factor.map(f -> !f.isActive()).orElse(false),
				mayReset(account));
	}

	/**
	 * Removes a user's authenticator and recovery codes and ends their sessions: they enrol again
	 * at their next sign-in. Only an admin of a region above the user's may do it, so admins of one
	 * region cannot strip each other's second factor.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void reset(long userId) {
		var account = scope.check(accounts.findById(userId), ENTITY, userId);
		if (!mayReset(account)) {
			throw new BusinessRuleException("secondFactor.error.resetNeedsHigherAdmin");
		}
		recoveryCodes.deleteByUserId(userId);
		var removed = factors.deleteByUserId(userId);
		auditLog.record(AuditAction.SECOND_FACTOR_RESET, ENTITY, userId,
				"重置 " + account.getUsername() + " 的双因素认证" + (removed == 0 ? "（未绑定）" : ""));
		sessions.endSessionsOf(account.getUsername());
	}

	/**
	 * @param regionCode the region
	 * @param regionName its name
	 * @param requiredBy the admin who asked for it
	 * @param mayRelease the region is below the signed-in admin's own (a rule on theirs or from above is not theirs)
	 */
	public record SupervisorRequirement(String regionCode, String regionName, String requiredBy, boolean mayRelease) {
	}

	/** The regions of the admin's subtree, and those above it, whose supervisors must use a second factor. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<SupervisorRequirement> supervisorRequirements() {
		var own = scope.region();
		var above = own.ancestors().stream().map(RegionCode::toString).toList();
		var rows = new ArrayList<SecondFactorRegion>(regionRules.findByRegionCodeInOrderByRegionCode(above));
		rows.addAll(regionRules.findByRegionCodeStartingWithOrderByRegionCode(scope.prefix()));
		var names = regions.nameLookup();
		return rows.stream()
			.map(r -> new SupervisorRequirement(r.getRegionCode(), names.apply(r.getRegionCode()), r.getRequiredBy(),
					isBelowOwnRegion(r.getRegionCode())))
			.toList();
	}

	/**
	 * Turns the rule on or off for a region below the admin's own, so that a rule set from above
	 * cannot be lifted from below. A code of no region the admin sees is refused as one that does
	 * not exist.
	 */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public void requireForSupervisors(String regionCode, boolean required) {
		var region = RegionCode.parse(regionCode.strip())
			.flatMap(code -> regions.find(code.toString()))
			.filter(r -> scope.contains(r.getRegionCode()))
			.orElseThrow(() -> new BusinessRuleException("secondFactor.error.region"));
		var code = region.getRegionCode();
		if (!isBelowOwnRegion(code)) {
			throw new BusinessRuleException("secondFactor.error.regionNeedsHigherAdmin");
		}
		var existing = regionRules.findById(code);
		if (required && existing.isEmpty()) {
			regionRules.save(new SecondFactorRegion(code, scope.currentUsername(), clock.instant()));
			auditLog.record(AuditAction.SECOND_FACTOR_REQUIREMENT, "Region", code,
					"要求 " + region.getName() + " 及下级的督导使用双因素认证");
		}
		else if (!required && existing.isPresent()) {
			regionRules.delete(existing.get());
			auditLog.record(AuditAction.SECOND_FACTOR_REQUIREMENT, "Region", code,
					"取消 " + region.getName() + " 督导的双因素认证要求");
		}
	}

	private boolean mayReset(UserAccount account) {
		return isBelowOwnRegion(account.getRegionCode());
	}

	/** Strictly below the signed-in admin's region: admins of one region do not overrule each other. */
	private boolean isBelowOwnRegion(@Nullable String regionCode) {
		var own = scope.region();
		var target = RegionCode.parse(regionCode);
		return target.isPresent() && own.covers(target.get()) && !own.equals(target.get());
	}

	/** Audits a refused code; returns what the user is told (locked, once this failure locked it). */
	private SecondFactor.Outcome recordFailure(String username, @Nullable String regionCode, SecondFactor factor,
			SecondFactor.Outcome outcome, String what) {
		var now = clock.instant();
		if (outcome == SecondFactor.Outcome.LOCKED) {
			auditLog.recordLogin(AuditAction.SECOND_FACTOR_FAILED, username, regionCode, AuditOutcome.DENIED,
					"双因素验证锁定期间尝试验证");
			return outcome;
		}
		auditLog.recordLogin(AuditAction.SECOND_FACTOR_FAILED, username, regionCode, AuditOutcome.FAILURE,
				what + (outcome == SecondFactor.Outcome.REPLAYED ? "（验证码已使用过）" : "") + "，连续失败第 "
						+ factor.getFailures() + " 次（满 " + SecondFactor.MAX_FAILURES + " 次锁定）");
		if (factor.lockedAt(now)) {
			auditLog.recordLogin(AuditAction.SECOND_FACTOR_LOCKOUT, username, regionCode, AuditOutcome.DENIED,
					"双因素验证锁定 " + SecondFactor.LOCK_DURATION.toMinutes() + " 分钟");
			return SecondFactor.Outcome.LOCKED;
		}
		return outcome;
	}

	static String messageKey(SecondFactor.Outcome outcome) {
		return switch (outcome) {
			case REPLAYED -> "secondFactor.error.replayed";
			case LOCKED -> "secondFactor.error.locked";
			default -> "secondFactor.error.wrongCode";
		};
	}

	/** Recovery codes are compared without dashes, spaces or case, as people copy them. */
	private static String normalised(String code) {
		return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
	}

}
