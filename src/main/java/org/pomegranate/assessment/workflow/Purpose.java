package org.pomegranate.assessment.workflow;

/** Why a holder is assessed: 申报 (for a title), 复查 (a title's re-check), 年度自查. Message keys {@code Purpose.NAME}. */
public enum Purpose {

	APPLICATION, RECHECK, SELF_CHECK

}
