package org.pomegranate.unit.network;

/** What may be done to a unit; {@link CampaignUnit#refusal} says whether it may now. */
public enum UnitAction {

	EDIT, MERGE, ADD_MEMBER, ADD_CHILD, ADD_DUTY_STATEMENT, ADD_WALL_PHOTO

}
