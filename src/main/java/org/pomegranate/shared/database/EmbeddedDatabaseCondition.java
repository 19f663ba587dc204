package org.pomegranate.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no {@code spring.datasource.url} is given: the app then runs on its embedded
 * PostgreSQL server with demo data. Setting {@code pomegranate.database.embedded=false} turns it
 * off even then.
 */
public class EmbeddedDatabaseCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var environment = context.getEnvironment();
		return !StringUtils.hasText(environment.getProperty("spring.datasource.url"))
				&& environment.getProperty("pomegranate.database.embedded", Boolean.class, true);
	}

}
