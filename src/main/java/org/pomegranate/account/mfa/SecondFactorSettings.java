package org.pomegranate.account.mfa;

import org.pomegranate.shared.database.DemoDataCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether every admin must use a second factor. Always in production; with the demo database
 * not, so a newcomer signs in with the README's password alone (a banner on every page says so),
 * unless {@code pomegranate.second-factor.admins-required=true}.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorSettings {

	static final String ADMINS_REQUIRED = "pomegranate.second-factor.admins-required";

	/** @param adminsRequired every admin must enrol and use a second factor */
	record AdminRequirement(boolean adminsRequired) {
	}

	@Bean
	@Conditional(DemoDataCondition.class)
	AdminRequirement demoAdminRequirement(Environment environment) {
		return new AdminRequirement(environment.getProperty(ADMINS_REQUIRED, Boolean.class, false));
	}

	@Bean
	@Conditional(WithoutDemoData.class)
	AdminRequirement productionAdminRequirement() {
		return new AdminRequirement(true);
	}

	static class WithoutDemoData implements Condition {

		private final DemoDataCondition demoData = new DemoDataCondition();

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !demoData.matches(context, metadata);
		}

	}

}
