package org.pomegranate.assessment.workflow;

/** What is assessed: a region (示范州、县、乡镇) or a campaign unit (机关、学校 …). */
public enum HolderKind {

	REGION, UNIT

}
