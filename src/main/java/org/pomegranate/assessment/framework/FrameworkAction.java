package org.pomegranate.assessment.framework;

/**
 * What an author may do with a framework version: edit the draft (its settings and nodes, an
 * import into it), publish it, or start its next version. {@link IndicatorFramework#refusal}
 * answers whether now; the page shows only what it allows.
 */
public enum FrameworkAction {

	EDIT, PUBLISH, NEW_VERSION

}
