/** Demonstration titles (命名): applications, batches, the title's states, re-checks and draws, level rules. */
@NullMarked
package org.pomegranate.unit.naming;

import org.jspecify.annotations.NullMarked;
