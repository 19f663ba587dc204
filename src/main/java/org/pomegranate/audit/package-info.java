/**
 * The append-only audit log: who did what to which record, from where, when and with what
 * outcome. Every module writes to it through {@link org.pomegranate.audit.AuditLog}; admins read
 * it, limited to their region subtree. The database itself refuses updates and deletes.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "shared" })
package org.pomegranate.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
