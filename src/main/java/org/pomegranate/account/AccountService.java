package org.pomegranate.account;

import org.pomegranate.account.signin.PasswordPolicy;
import org.pomegranate.account.signin.PasswordPolicy.PasswordContext;
import org.pomegranate.account.signin.SessionTerminator;
import org.pomegranate.account.user.UserAccount;
import org.pomegranate.account.user.UserAccountRepository;
import org.pomegranate.account.user.UserNames;
import org.pomegranate.account.web.UserQuery;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.IntegrityViolations;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SearchText;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Admins manage the users of their subtree; every user changes their own password. An admin
 * cannot place a user outside their own subtree (so never above their own region), and cannot
 * disable, demote or move themselves. An admin account is managed only by an admin of a strictly
 * higher region: admins of one region cannot reset each other's passwords and so sign in as each
 * other (the first admin comes from the operator's environment, {@code FirstAdmin}).
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

	private static final String ENTITY = "UserAccount";

	private final UserAccountRepository accounts;

	private final RegionService regions;

	private final RegionScope scope;

	private final PasswordPolicy passwordPolicy;

	private final PasswordEncoder passwordEncoder;

	private final SessionTerminator sessions;

	private final AuditLog auditLog;

	private final SubmissionTokens submissions;

	AccountService(UserAccountRepository accounts, RegionService regions, RegionScope scope,
			PasswordPolicy passwordPolicy, PasswordEncoder passwordEncoder, SessionTerminator sessions,
			AuditLog auditLog, SubmissionTokens submissions) {
		this.submissions = submissions;
		this.accounts = accounts;
		this.regions = regions;
		this.scope = scope;
		this.passwordPolicy = passwordPolicy;
		this.passwordEncoder = passwordEncoder;
		this.sessions = sessions;
		this.auditLog = auditLog;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Page<UserAccount> search(UserQuery query, Pageable pageable) {
		Specification<UserAccount> where = scope.specification();
		var searched = SearchText.clean(query.text());
		if (searched != null) {
			var text = Like.containing(searched.toLowerCase(Locale.ROOT));
			where = where.and((root, q, cb) -> cb.or(cb.like(cb.lower(root.get("username")), text, Like.ESCAPE),
					cb.like(cb.lower(root.get("displayName")), text, Like.ESCAPE)));
		}
		if (query.role() != null) {
			var role = query.role();
			where = where.and((root, q, cb) -> cb.equal(root.get("role"), role));
		}
		if (StringUtils.hasText(query.regionCode())) {
			var prefix = query.regionCode().strip() + "%";
			where = where.and((root, q, cb) -> cb.like(root.get("regionCode"), prefix));
		}
		if (query.enabled() != null) {
			var enabled = query.enabled();
			where = where.and((root, q, cb) -> cb.equal(root.get("enabled"), enabled));
		}
		return accounts.findAll(where, pageable);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount get(long id) {
		return scope.check(accounts.findById(id), ENTITY, id);
	}

	/**
	 * What the signed-in admin may do with {@code account} (one of their subtree), by the rules
	 * below: what the user pages offer, so that no template compares roles or regions.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public Permissions permissions(UserAccount account) {
		return new Permissions(mayManage(account.getRole(), account.getRegionCode()));
	}

	/** {@code manage}: {@link #update}, {@link #disable}, {@link #enable} and {@link #resetPassword}. */
	public record Permissions(boolean manage) {
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount create(String username, String displayName, Role role, String regionCode, String password,
			@Nullable UUID submission) {
		var claim = submissions.claim(submission, ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var name = username == null ? "" : username.strip();
		UserNames.refusal(name).ifPresent(refusal -> {
			throw new BusinessRuleException(refusal);
		});
		if (accounts.existsByUsername(name)) {
			throw new BusinessRuleException("user.error.usernameTaken");
		}
		var region = requireAssignableRegion(regionCode);
		requireManageable(role, region);
		var realName = requireDisplayName(displayName);
		requirePassword(password, context(name, realName, region));
		var account = saveNew(new UserAccount(name, realName, passwordEncoder.encode(password), role, region, true));
		claim.made(account.getId());
		auditLog.record(AuditAction.CREATE, ENTITY, account.getId(),
				name + " " + role + " @" + regionCode);
		return account;
	}

	/** The unique index settles two admins creating one user name at the same moment. */
	private UserAccount saveNew(UserAccount account) {
		try {
			return accounts.saveAndFlush(account);
		}
		catch (DataIntegrityViolationException ex) {
			if (IntegrityViolations.violates(ex, "user_account_username")) {
				throw new BusinessRuleException("user.error.usernameTaken");
			}
			throw ex;
		}
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount update(long id, long version, String displayName, Role role, String regionCode) {
		var account = get(id);
		StaleEdits.requireVersion(account.getVersion(), version, ENTITY, id);
		requireManageable(account);
		var region = requireAssignableRegion(regionCode);
		requireManageable(role, region);
		boolean rightsChange = account.getRole() != role || !account.getRegionCode().equals(region);
		if (rightsChange && isCurrentUser(account)) {
			throw new BusinessRuleException("user.error.self");
		}
		var summary = "角色 " + account.getRole() + " → " + role + "，区划 " + account.getRegionCode() + " → " + region;
		account.changeProfile(requireDisplayName(displayName), role, region);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, summary);
		if (rightsChange) {
			sessions.endSessionsOf(account.getUsername());
		}
		return account;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount disable(long id, long version) {
		var account = get(id);
		StaleEdits.requireVersion(account.getVersion(), version, ENTITY, id);
		if (isCurrentUser(account)) {
			throw new BusinessRuleException("user.error.self");
		}
		requireManageable(account);
		account.disable();
		int ended = sessions.endSessionsOf(account.getUsername());
		auditLog.record(AuditAction.DISABLE, ENTITY, id, account.getUsername() + "，结束会话 " + ended + " 个");
		return account;
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount enable(long id, long version) {
		var account = get(id);
		StaleEdits.requireVersion(account.getVersion(), version, ENTITY, id);
		requireManageable(account);
		account.enable();
		auditLog.record(AuditAction.ENABLE, ENTITY, id, account.getUsername());
		return account;
	}

	/** A password set by an admin; the user must replace it at the next login. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount resetPassword(long id, @Nullable String newPassword, @Nullable String confirmPassword) {
		var account = get(id);
		if (isCurrentUser(account)) {
			throw new BusinessRuleException("user.error.selfReset");
		}
		requireManageable(account);
		if (newPassword == null || newPassword.isBlank()) {
			throw new BusinessRuleException("password.error.blank");
		}
		if (!newPassword.equals(confirmPassword)) {
			throw new BusinessRuleException("password.error.mismatch");
		}
		requirePassword(newPassword, context(account));
		account.setPassword(passwordEncoder.encode(newPassword), true);
		sessions.endSessionsOf(account.getUsername());
		auditLog.record(AuditAction.PASSWORD_RESET, ENTITY, id, account.getUsername());
		return account;
	}

	/** The signed-in user replaces their own password; the current one must be given. */
	@Transactional
	public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword, String currentSessionId) {
		var account = accounts.findById(user.id()).orElseThrow();
		if (!passwordEncoder.matches(currentPassword, account.getPasswordHash())) {
			throw new BusinessRuleException("password.error.current");
		}
		if (passwordEncoder.matches(newPassword, account.getPasswordHash())) {
			throw new BusinessRuleException("password.error.same");
		}
		requirePassword(newPassword, context(account));
		account.setPassword(passwordEncoder.encode(newPassword), false);
		int ended = sessions.endOtherSessionsOf(account.getUsername(), currentSessionId);
		auditLog.record(AuditAction.PASSWORD_CHANGE, ENTITY, account.getId(),
				account.getUsername() + (ended > 0 ? "，结束其他会话 " + ended + " 个" : ""));
	}

	/**
	 * The enabled accounts with {@code role} placed exactly in one of {@code regionCodes}: e.g. the
	 * staff of a village and of every region above it, who may be handed its petitions.
	 */
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public List<UserSummary> enabledUsers(Role role, Collection<String> regionCodes) {
		return accounts.findByRoleAndEnabledTrueAndRegionCodeInOrderByRegionCodeAscDisplayNameAsc(role, regionCodes)
			.stream()
			.map(UserSummary::of)
			.toList();
	}

	/** An enabled account by its user name, whatever the scope: for checking a name a caller was given. */
	@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
	public Optional<UserSummary> enabledUser(String username) {
		return UserNames.forSignIn(username)
			.flatMap(accounts::findByUsername)
			.filter(UserAccount::isEnabled)
			.map(UserSummary::of);
	}

	/**
	 * The regions where at least one enabled user is placed, for jobs that serve every region in
	 * use (the monthly report drafts); codes only, no user data.
	 */
	public List<String> regionsWithUsers() {
		return accounts.regionsWithEnabledUsers();
	}

	/**
	 * Roles an admin may hand out. Admins are the highest role, so an admin may give any; an admin
	 * account only in a region below their own ({@link #create}).
	 */
	public List<Role> assignableRoles() {
		return List.of(Role.values());
	}

	public long count() {
		return accounts.count();
	}

	/**
	 * Creates a user without a signed-in admin: the first admin of an empty database, and demo
	 * accounts. The same rules for the name and the password as {@link #create}.
	 */
	@Transactional
	public UserAccount createInitial(String username, String displayName, Role role, String regionCode, String password,
			boolean changeRequired) {
		if (regions.find(regionCode).isEmpty()) {
			throw new IllegalArgumentException("Unknown region code " + regionCode);
		}
		var refusal = UserNames.refusal(username);
		if (refusal.isPresent()) {
			throw new IllegalArgumentException("The user name " + username + " is refused: " + refusal.get());
		}
		var violations = passwordPolicy.violations(password, context(username, displayName, regionCode));
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException("The password for " + username + " breaks the policy: " + violations);
		}
		return accounts.save(new UserAccount(username, displayName, passwordEncoder.encode(password), role,
				regionCode, changeRequired));
	}

	/** Returns the region code as stored: the user's region must exist, be in scope and not retired. */
	private String requireAssignableRegion(@Nullable String regionCode) {
		var region = regions.find(regionCode == null ? "" : regionCode.strip())
			.orElseThrow(() -> new BusinessRuleException("user.error.region"));
		if (!scope.contains(region.getCode())) {
			throw new BusinessRuleException("user.error.regionOutOfScope");
		}
		if (region.isRetired()) {
			throw new BusinessRuleException("user.error.regionRetired");
		}
		return region.getCode();
	}

	/**
	 * An admin account is managed only from a strictly higher region: an admin of 康定市 manages
	 * the admins of its townships, never another admin of 康定市 (nor their own account).
	 */
	private boolean mayManage(Role role, String regionCode) {
		if (role != Role.ADMIN) {
			return true;
		}
		var own = scope.region();
		var target = RegionCode.of(regionCode);
		return own.covers(target) && !own.equals(target);
	}

	private void requireManageable(Role role, String regionCode) {
		if (!mayManage(role, regionCode)) {
			throw new BusinessRuleException("user.error.peerAdmin");
		}
	}

	private void requireManageable(UserAccount account) {
		requireManageable(account.getRole(), account.getRegionCode());
	}

	private void requirePassword(@Nullable String password, PasswordContext context) {
		var violations = passwordPolicy.violations(password == null ? "" : password, context);
		if (!violations.isEmpty()) {
			throw new BusinessRuleException(violations.get(0));
		}
	}

	private PasswordContext context(UserAccount account) {
		return context(account.getUsername(), account.getDisplayName(), account.getRegionCode());
	}

	/** The words of this person an attacker who knows them tries first. */
	private PasswordContext context(String username, String displayName, String regionCode) {
		var regionName = regions.find(regionCode).map(region -> region.getName()).orElse("");
		return new PasswordContext(username, displayName, regionName);
	}

	private static String requireDisplayName(String displayName) {
		var name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 50) {
			throw new BusinessRuleException("user.error.displayName");
		}
		return name;
	}

	private static boolean isCurrentUser(UserAccount account) {
		return RegionScope.currentPrincipal().map(p -> p.getUsername().equals(account.getUsername()))
			.orElse(false);
	}

}
