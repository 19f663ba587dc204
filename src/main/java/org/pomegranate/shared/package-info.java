/**
 * Small types every module shares: region codes and levels ({@link org.pomegranate.shared.RegionCode},
 * the one place that knows how codes nest) and the region scope; the not-found signal that keeps
 * records outside a user's region invisible; masking of personal data; the form constraints
 * ({@code shared.validation}); the roles of the signed-in user as the pages ask for them
 * ({@link org.pomegranate.shared.CurrentRoles}); what the readers of the tallies share
 * ({@link org.pomegranate.shared.TallyReading}); the contribution points through which each module
 * brings its own URL rules ({@link org.pomegranate.shared.RouteRules}) and menu entries
 * ({@link org.pomegranate.shared.MenuContribution}); and the embedded PostgreSQL default database
 * with the identity demo loaders run under ({@code shared.database}).
 */
@NullMarked
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package org.pomegranate.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
