package org.pomegranate.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when demo data should be loaded: {@code pomegranate.demo-data} if it is set, otherwise
 * exactly when the embedded database is in use. A real server given by
 * {@code SPRING_DATASOURCE_URL} never gets demo data unless asked for.
 */
public class DemoDataCondition implements Condition {

	private final EmbeddedDatabaseCondition embedded = new EmbeddedDatabaseCondition();

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		var explicit = context.getEnvironment().getProperty("pomegranate.demo-data", Boolean.class);
		return explicit != null ? explicit : embedded.matches(context, metadata);
	}

}
