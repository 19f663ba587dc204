package org.pomegranate.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.Role;
import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * A module's part of {@link AuthorizationMatrixTests}, kept in the module's own test package: who
 * may use each of its routes, the parameters that make a call harmless, and a sample record of
 * each kind its routes name. Every implementation under {@code org.pomegranate} (with a no-argument
 * constructor) is found by itself; a route nobody decides still fails the build.
 */
public interface RouteDecisions {

	/** {@code "GET /units/{id}"} → the roles that may use it; a {@code null} value means anyone, signed in or not. */
	Map<String, @Nullable Set<Role>> matrix();

	/** Request parameters per route, as in {@link AuthorizationMatrixTests#PARAMETERS}. */
	default Map<String, Map<String, String>> parameters() {
		return Map.of();
	}

	/**
	 * A record of each kind the routes name, in {@code county}, made where the demo data has none:
	 * {@code "unit"} → its id for {@code /units/{id}}.
	 */
	default Map<String, String> records(String county, JdbcTemplate jdbc) {
		return Map.of();
	}

	/** Every module's decisions found on the class path. */
	static List<RouteDecisions> all() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(RouteDecisions.class));
		return scanner.findCandidateComponents("org.pomegranate")
			.stream()
			.map(candidate -> (RouteDecisions) BeanUtils.instantiateClass(
					ClassUtils.resolveClassName(candidate.getBeanClassName(), RouteDecisions.class.getClassLoader())))
			.toList();
	}

}
