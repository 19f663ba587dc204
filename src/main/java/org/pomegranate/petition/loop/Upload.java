package org.pomegranate.petition.loop;

/**
 * A file uploaded with a step, read into memory after the request size limit let it through.
 */
public record Upload(String filename, byte[] data) {
}
