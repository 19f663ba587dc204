package org.pomegranate.pairing.program;

/**
 * An uploaded photo, read into memory after the size limit let it through.
 */
public record Photo(String filename, byte[] data) {
}
