/**
 * The embedded PostgreSQL default database, the demo-data switch and the identity loaders run under.
 */
@NullMarked
package org.pomegranate.shared.database;

import org.jspecify.annotations.NullMarked;
