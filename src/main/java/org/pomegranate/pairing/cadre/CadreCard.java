package org.pomegranate.pairing.cadre;

import org.jspecify.annotations.Nullable;

/**
 * What a page or an export shows of a cadre beside a household, a pairing or a visit. A cadre of
 * the user's own scope comes with the masked phone and a link to their page; one from outside it
 * (a counterpart-support partner region, or a region above the user's) with name, unit and level
 * only: their page answers 404 to this user, so there is nothing to link to.
 */
public record CadreCard(long id, String name, @Nullable String workUnit, CadreLevel level, @Nullable String maskedPhone,
		boolean inScope) {

	static CadreCard of(Cadre cadre, boolean inScope) {
		return new CadreCard(cadre.getId(), cadre.getName(), cadre.getWorkUnit(), cadre.getLevel(),
				inScope ? cadre.maskedPhone() : null, inScope);
	}

}
