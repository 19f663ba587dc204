package org.pomegranate.files;

/**
 * Why the store will not take a file; each owning module says it to its users in its own words.
 */
public enum FileRefusal {

	/** No content at all (0 bytes): a file that was chosen but is empty, or did not arrive. */
	EMPTY,

	/** Bigger than the owner's {@link FileKind} allows. */
	TOO_BIG,

	/** Bytes of none of the types the owner accepts, whatever the name says. */
	WRONG_TYPE

}
