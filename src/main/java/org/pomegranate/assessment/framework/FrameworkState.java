package org.pomegranate.assessment.framework;

/**
 * A framework version's life: 草稿 (edited by its issuer's admins), 已发布 (immutable, assessments
 * may start on it), 已停用 (a newer version replaced it; assessments pinned to it go on). Message
 * keys {@code FrameworkState.NAME}.
 */
public enum FrameworkState {

	DRAFT, PUBLISHED, RETIRED

}
