package org.pomegranate.assessment.framework;

/**
 * The kinds of evidence seed 001 asks every indicator to be backed by: 文字、图片、视频、记录、工作展示点、
 * 调查评议. Stored as bits ({@link org.pomegranate.shared.EnumBits}): never reorder. Message keys
 * {@code EvidenceKind.NAME}.
 */
public enum EvidenceKind {

	TEXT, PHOTO, VIDEO, RECORD, SHOWCASE, SURVEY

}
