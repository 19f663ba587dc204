package org.pomegranate.report;

/** A draft may be edited and regenerated; a frozen report never changes. */
enum ReportState {
	DRAFT, FROZEN
}
