/**
 * The audit events as stored, append-only, and the filters of the audit page.
 */
@NullMarked
package org.pomegranate.audit.log;

import org.jspecify.annotations.NullMarked;
