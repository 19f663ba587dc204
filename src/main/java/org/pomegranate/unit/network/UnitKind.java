package org.pomegranate.unit.network;

/**
 * What a campaign unit is: the kinds the national naming rules list, a hospital, and the three
 * kinds of the 石榴籽 work network, which nest (a 工作室 under a 工作中心, a 工作队 under a 工作室).
 * Message keys {@code UnitKind.NAME}.
 */
public enum UnitKind {

	AGENCY(true), ENTERPRISE(true), SCHOOL(true), VILLAGE(true), TOWNSHIP(true), ARMY_COMPANY(false),
	RELIGIOUS_SITE(true), HOSPITAL(true), NEW_ECONOMIC(true), SOCIAL_ORGANISATION(true), PUBLIC_INSTITUTION(true),
	WORK_CENTRE(false), WORK_STUDIO(false), WORK_TEAM(false);

	private final boolean hasCreditCode;

	UnitKind(boolean hasCreditCode) {
		this.hasCreditCode = hasCreditCode;
	}

	/** Whether units of this kind are registered with a unified social credit code (GB 32100). */
	public boolean hasCreditCode() {
		return hasCreditCode;
	}

	/** Whether it is one of the 石榴籽 network's kinds. */
	public boolean isNetwork() {
		return this == WORK_CENTRE || this == WORK_STUDIO || this == WORK_TEAM;
	}

}
