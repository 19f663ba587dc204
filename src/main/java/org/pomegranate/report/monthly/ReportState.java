package org.pomegranate.report.monthly;

/** A draft may be edited and regenerated; a frozen report never changes. */
public enum ReportState {
	DRAFT, FROZEN
}
