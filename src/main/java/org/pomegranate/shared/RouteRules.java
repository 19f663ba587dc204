package org.pomegranate.shared;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A module's URL rules, the first fence of who may reach its routes (every service method repeats
 * the role and scope rules it needs). The security configuration applies the public routes, then
 * the rules of every module in {@link #order()}, then "signed in" for anything else; a module
 * declares one bean of this type for its own paths and edits no central list.
 * {@code AuthorizationMatrixTests} holds the result to a decision for every route.
 */
public interface RouteRules {

	/** Where the rules stand among the others': lower first. Matters only where paths overlap. */
	int order();

	/** Adds the module's {@code requestMatchers(…)} and who may use them; never {@code anyRequest()}. */
	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry rules);

}
