package org.pomegranate.pairing.web;

/**
 * What the signed-in user may do on the pairing pages, {@code may} in their model: the services'
 * own answers ({@code permissions()}), and for the link to the petition form, which the petition
 * module owns, the URL rules' answer.
 */
public record PairingPermissions(boolean recordHouseholds, boolean exportUnmasked, boolean recordCadres,
		boolean pair, boolean recordVisits, boolean managePrograms, boolean raisePetitions) {
}
