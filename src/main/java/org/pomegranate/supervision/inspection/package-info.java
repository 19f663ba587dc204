/**
 * Inspections (督查) with their team, targets and findings, and the rectifications (整改) the
 * findings and published criticisms order: the workflow in {@link
 * org.pomegranate.supervision.inspection.Rectification}, the ledger (整改台账) with its export, the
 * responsible side's inbox, escalation of overdue ones to the region above, and the figures.
 */
@NullMarked
package org.pomegranate.supervision.inspection;

import org.jspecify.annotations.NullMarked;
