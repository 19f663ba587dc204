/**
 * Cadre–household pairing (联谊结对): cadres, households, pairing programs, pairings with their
 * history ("dynamic management"), visits with their photos (kept in the file store), and the coverage view that shows which
 * target households are unpaired or overdue ("全覆盖联谊无遗漏").
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "figures", "files", "region", "shared" })
package org.pomegranate.pairing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
