/** Campaign units, their members, duty statements and history. */
@NullMarked
package org.pomegranate.unit.network;

import org.jspecify.annotations.NullMarked;
