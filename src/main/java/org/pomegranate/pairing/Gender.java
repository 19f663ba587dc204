package org.pomegranate.pairing;

public enum Gender {

	MALE, FEMALE

}
