package org.pomegranate.unit.web;

import org.pomegranate.unit.network.UnitRegistration;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells every unit page what the user may do, so that its buttons follow the services' rules. */
@ControllerAdvice(assignableTypes = { UnitController.class, UnitMemberController.class, UnitDutyController.class,
		NetworkController.class })
class UnitPagesAdvice {

	private final UnitRegistration registration;

	UnitPagesAdvice(UnitRegistration registration) {
		this.registration = registration;
	}

	@ModelAttribute("may")
	UnitPermissions may() {
		return new UnitPermissions(registration.permissions().record());
	}

}
