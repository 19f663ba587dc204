package org.pomegranate.petition.loop;

/**
 * How urgent a petition is (一般 / 紧急 / 特急). Labels live in the bundles as {@code Urgency.NAME}.
 */
public enum Urgency {

	NORMAL, URGENT, CRITICAL

}
