package org.pomegranate.unit.network;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.Required;

/** A cadre joining a unit: who (a cadre the user may see), in which role, from which day. */
public record MemberForm(@Nullable Long cadreId, @Nullable MemberRole role,
		@Required(message = "{unit.member.error.joinedOn}") @NotFuture(since = "1900-01-01") @Nullable String joinedOn,
		@Nullable UUID submission) {

	public static MemberForm empty() {
		return new MemberForm(null, MemberRole.MEMBER, "", null);
	}

}
