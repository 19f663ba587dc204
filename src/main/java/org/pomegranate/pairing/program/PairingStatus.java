package org.pomegranate.pairing.program;

/**
 * Where a household or pairing stands in a program: the lists a township worker opens each
 * morning are UNPAIRED and OVERDUE.
 */
public enum PairingStatus {

	/** A target household of the program without an active pairing in it. */
	UNPAIRED,
	/** An active pairing. */
	PAIRED,
	/** An active pairing whose last visit is older than the program's interval. */
	OVERDUE,
	/** An ended pairing. */
	ENDED

}
