package org.pomegranate.pairing.program;

/**
 * A visit photo as lists show it: without its bytes.
 */
public record PhotoInfo(Long id, Long visitId, String filename, int sizeBytes) {
}
