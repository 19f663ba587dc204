package org.pomegranate.unit.naming;

/** 回访抽查 (drawn at random), 互观互检 (inspectors from peer regions), or an ad-hoc re-check. */
public enum RecheckKind {

	SPOT, MUTUAL, AD_HOC

}
