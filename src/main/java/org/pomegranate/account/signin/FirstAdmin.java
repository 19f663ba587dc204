package org.pomegranate.account.signin;

import org.pomegranate.account.AccountService;
import org.pomegranate.account.Role;
import org.pomegranate.shared.database.DemoDataCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * No default admin in production: on the first start against an empty database the first admin
 * comes from {@code POMEGRANATE_ADMIN_USERNAME} and {@code POMEGRANATE_ADMIN_PASSWORD} (and
 * optionally {@code POMEGRANATE_ADMIN_REGION}, default {@code 51} 四川省); without them, or with a
 * name outside the documented set or a weak, blank or demo password, the app refuses to start.
 */
@Component
@Conditional(FirstAdmin.WithoutDemoData.class)
public class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AccountService accounts;

	private final Environment environment;

	FirstAdmin(AccountService accounts, Environment environment) {
		this.accounts = accounts;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		var username = environment.getProperty("pomegranate.admin.username");
		var password = environment.getProperty("pomegranate.admin.password");
		var region = environment.getProperty("pomegranate.admin.region", "51");
		if (!StringUtils.hasText(username) || !StringUtils.hasText(password)) {
			throw new IllegalStateException("The database has no users. Set POMEGRANATE_ADMIN_USERNAME and "
					+ "POMEGRANATE_ADMIN_PASSWORD (at least 12 characters, hard to guess, not a common password, not "
					+ "containing the user name, not the README's demo password) to create the first admin, and "
					+ "optionally POMEGRANATE_ADMIN_REGION (default 51).");
		}
		try {
			accounts.createInitial(username.strip(), "管理员", Role.ADMIN, region, password, true);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot create the first admin from POMEGRANATE_ADMIN_*: " + ex.getMessage(), ex);
		}
		log.info("First admin '{}' created for region {}; they must change the password at first login.",
				username.strip(), region);
	}

	static class WithoutDemoData implements Condition {

		private final DemoDataCondition demoData = new DemoDataCondition();

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !demoData.matches(context, metadata);
		}

	}

}
