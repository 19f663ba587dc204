package org.pomegranate.account.demo;

import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
import org.pomegranate.account.signin.FirstAdmin;
import org.pomegranate.account.user.UserAccountRepository;
import org.pomegranate.shared.database.DemoDataCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the embedded database, one per role, listed in the README. They exist
 * only with demo data: a production database gets its first admin from the environment instead
 * ({@link FirstAdmin}).
 */
@Component
@Conditional(DemoDataCondition.class)
@Order(0)
public class DemoAccounts implements ApplicationRunner {

	public static final String PASSWORD = "Shiliuzi-2024!";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	/** username, display name, role, region. */
	private static final String[][] ACCOUNTS = {
			{ "gz_admin", "州民宗委管理员", "ADMIN", "5133" },
			{ "gz_supervisor", "州督导组", "SUPERVISOR", "5133" },
			{ "gz_reviewer", "第三方评估专家", "REVIEWER", "5133" },
			{ "kd_admin", "康定市民宗局管理员", "ADMIN", "513301" },
			{ "kd_supervisor", "康定市督导", "SUPERVISOR", "513301" },
			{ "kd_staff", "康定市填报员", "STAFF", "513301" },
			{ "lc_staff", "炉城街道填报员", "STAFF", "513301001" },
			{ "ld_staff", "泸定县填报员", "STAFF", "513322" } };

	private final AccountService accounts;

	private final UserAccountRepository repository;

	DemoAccounts(AccountService accounts, UserAccountRepository repository) {
		this.accounts = accounts;
		this.repository = repository;
	}

	@Override
	public void run(ApplicationArguments args) {
		int created = 0;
		for (String[] account : ACCOUNTS) {
			if (!repository.existsByUsername(account[0])) {
				accounts.createInitial(account[0], account[1], Role.valueOf(account[2]), account[3], PASSWORD, false);
				created++;
			}
		}
		if (created > 0) {
			log.info("Demo accounts created: {} (password in the README)", created);
		}
	}

}
