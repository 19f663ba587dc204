package org.pomegranate.unit.network;

/** A member's role in a unit: 负责人(队长), 副职, 成员, 育籽员, 联络员. Message keys {@code MemberRole.NAME}. */
public enum MemberRole {

	HEAD, DEPUTY, MEMBER, YUZIYUAN, LIAISON

}
