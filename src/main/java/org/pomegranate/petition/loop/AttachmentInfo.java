package org.pomegranate.petition.loop;

/**
 * An attachment as the timeline lists it: without its bytes.
 */
public record AttachmentInfo(Long id, Long stepId, String filename, String contentType, int sizeBytes) {

	public boolean isImage() {
		return contentType.startsWith("image/");
	}

}
