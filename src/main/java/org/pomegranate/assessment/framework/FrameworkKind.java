package org.pomegranate.assessment.framework;

/**
 * The eight kinds of framework the 2023 national naming measures name (art. 5): three of regions
 * (示范区) and five of units (示范单位). Message keys {@code FrameworkKind.NAME}.
 */
public enum FrameworkKind {

	PREFECTURE(true), COUNTY(true), TOWNSHIP(true), AGENCY(false), ENTERPRISE(false), VILLAGE(false), SCHOOL(false),
	RELIGIOUS_SITE(false);

	private final boolean ofRegions;

	FrameworkKind(boolean ofRegions) {
		this.ofRegions = ofRegions;
	}

	/** Whether its assessments are of regions (示范州, 示范县, 示范乡镇) rather than of units. */
	public boolean ofRegions() {
		return ofRegions;
	}

}
