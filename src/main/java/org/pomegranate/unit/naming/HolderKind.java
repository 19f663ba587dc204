package org.pomegranate.unit.naming;

/** Who holds a title: a region (示范区), a campaign unit (示范单位) or a household (示范家庭). */
public enum HolderKind {

	REGION, UNIT, HOUSEHOLD

}
