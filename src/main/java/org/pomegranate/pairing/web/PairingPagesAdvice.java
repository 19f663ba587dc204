package org.pomegranate.pairing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pomegranate.pairing.cadre.CadreService;
import org.pomegranate.pairing.household.HouseholdService;
import org.pomegranate.pairing.program.PairingService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every pairing page what the user may do, so that its buttons follow the services' rules. */
@ControllerAdvice(assignableTypes = { HouseholdController.class, CadreController.class, PairingController.class,
		ProgramController.class, TransferController.class })
class PairingPagesAdvice {

	private final HouseholdService households;

	private final CadreService cadres;

	private final PairingService pairings;

	private final WebInvocationPrivilegeEvaluator urlRules;

	PairingPagesAdvice(HouseholdService households, CadreService cadres, PairingService pairings,
			WebInvocationPrivilegeEvaluator urlRules) {
		this.households = households;
		this.cadres = cadres;
		this.pairings = pairings;
		this.urlRules = urlRules;
	}

	@ModelAttribute("may")
	PairingPermissions may(HttpServletRequest request) {
		var household = households.permissions();
		var cadre = cadres.permissions();
		var pairing = pairings.permissions();
		boolean raisePetitions = urlRules.isAllowed(request.getContextPath(), "/petitions/new", "GET",
				SecurityContextHolder.getContext().getAuthentication());
		return new PairingPermissions(household.record(), household.exportUnmasked(), cadre.record(), pairing.pair(),
				pairing.recordVisits(), pairing.managePrograms(), raisePetitions);
	}

}
