package org.pomegranate.account.signin;

import org.pomegranate.account.CurrentUser;
import org.pomegranate.account.user.UserAccount;
import org.pomegranate.account.user.UserAccountRepository;
import org.pomegranate.account.user.UserNames;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.audit.AuditOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per user name, in its canonical form, and locks the name for 15 minutes
 * after the fifth; writes
 * every success, failure and lockout to the audit log.
 */
@Service
public class LoginAttempts {

	private final LoginThrottleRepository throttles;

	private final UserAccountRepository accounts;

	private final AuditLog auditLog;

	private final Clock clock;

	LoginAttempts(LoginThrottleRepository throttles, UserAccountRepository accounts, AuditLog auditLog, Clock clock) {
		this.throttles = throttles;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	boolean isLocked(String username) {
		return throttles.findById(key(username)).map(t -> t.isLocked(clock.instant())).orElse(false);
	}

	@Transactional
	void recordRefusedWhileLocked(String username) {
		auditLog.recordLogin(AuditAction.LOGIN_FAILED, key(username), regionOf(username), AuditOutcome.DENIED,
				"账号锁定期间尝试登录");
	}

	/** Returns true when this failure locks the name. */
	@Transactional
	boolean recordFailure(String username) {
		var key = key(username);
		throttles.ensureExists(key);
		var throttle = throttles.findForUpdateByUsername(key).orElseThrow();
		boolean lockedNow = throttle.recordFailure(clock.instant());
		var region = regionOf(username);
		auditLog.recordLogin(AuditAction.LOGIN_FAILED, key, region, AuditOutcome.FAILURE,
				"连续失败第 " + throttle.getFailures() + " 次（满 " + LoginThrottle.MAX_FAILURES + " 次锁定）");
		if (lockedNow) {
			auditLog.recordLogin(AuditAction.LOCKOUT, key, region, AuditOutcome.DENIED,
					"锁定 " + LoginThrottle.LOCK_DURATION.toMinutes() + " 分钟");
		}
		return lockedNow;
	}

	@Transactional
	void recordSuccess(CurrentUser user) {
		throttles.findById(key(user.getUsername())).ifPresent(LoginThrottle::reset);
		auditLog.recordLogin(AuditAction.LOGIN, user.getUsername(), user.regionCode(), AuditOutcome.SUCCESS,
				"登录成功");
	}

	private @Nullable String regionOf(String username) {
		return accounts.findByUsername(key(username)).map(UserAccount::getRegionCode).orElse(null);
	}

	/** The canonical name: a look-alike spends the attempts of the name it looks like. */
	static String key(String username) {
		return UserNames.lockoutKey(username);
	}

}
