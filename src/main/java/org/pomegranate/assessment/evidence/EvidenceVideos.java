package org.pomegranate.assessment.evidence;

import java.util.List;

import org.pomegranate.files.FileKind;
import org.pomegranate.files.FileOwner;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** The MP4 videos of a piece of evidence, up to 200 MB each, streamed in and out like every file. */
@Component
class EvidenceVideos implements FileOwner {

	private final EvidenceReading evidence;

	EvidenceVideos(@Lazy EvidenceReading evidence) {
		this.evidence = evidence;
	}

	@Override
	public String kind() {
		return Evidence.VIDEO_OWNER;
	}

	@Override
	public FileKind fileKind() {
		return FileKind.VIDEO;
	}

	@Override
	public List<String> uploadPaths() {
		return EvidenceFiles.UPLOAD_PATHS;
	}

	@Override
	public boolean maySee(long ownerId) {
		return evidence.maySee(ownerId);
	}

	@Override
	public boolean maySeeFile(long ownerId, long fileId) {
		return evidence.maySeeFile(ownerId, fileId);
	}

}
