package org.pomegranate.assessment.evidence;

/** One file of one piece of evidence as a submission froze it for one scored node. */
public record SnapshotFile(long nodeId, long evidenceId, String evidenceTitle, long fileId, String fileName, String sha256,
		long sizeBytes) {

}
