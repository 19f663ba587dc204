/** The activities themselves: the aggregate, its form and query, the service that records and lists them, its files. */
@NullMarked
package org.pomegranate.activity.ledger;

import org.jspecify.annotations.NullMarked;
