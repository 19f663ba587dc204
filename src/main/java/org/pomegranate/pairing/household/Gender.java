package org.pomegranate.pairing.household;

public enum Gender {

	MALE, FEMALE

}
