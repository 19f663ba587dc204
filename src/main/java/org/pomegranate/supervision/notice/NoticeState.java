package org.pomegranate.supervision.notice;

/** Where a notice stands; labels in the bundle as {@code NoticeState.NAME}. */
public enum NoticeState {

	/** 草稿: the drafter and the other admins of the region edit it. */
	DRAFT,
	/** 已审核: approved by an admin of the region other than the drafter; ready to publish. */
	APPROVED,
	/** 已印发: visible to the regions below; a criticism has ordered its rectifications. */
	PUBLISHED,
	/** 已撤回: withdrawn after publication, kept on record and marked. */
	RETRACTED

}
