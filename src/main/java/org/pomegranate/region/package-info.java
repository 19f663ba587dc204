/**
 * The administrative division tree (行政区划): province › prefecture › county › township ›
 * village, loaded from the National Bureau of Statistics codes. A code is its own path, which is
 * what the region scope ({@link org.pomegranate.shared.RegionScope}, kept in {@code shared}
 * because the audit log needs it too) relies on; how codes nest is
 * {@link org.pomegranate.shared.RegionCode}'s, with the levels, in {@code shared} so that every
 * module may use them. Admins add, rename and retire townships and villages inside their own
 * subtree.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.pomegranate.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
