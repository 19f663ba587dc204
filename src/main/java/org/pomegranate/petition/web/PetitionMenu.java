package org.pomegranate.petition.web;

import java.util.List;
import java.util.Set;

import org.pomegranate.account.Role;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.shared.MenuEntry;
import org.springframework.stereotype.Component;

@Component
class PetitionMenu implements MenuContribution {

	private static final Set<String> RECORD_KEEPERS = Set.of(Role.ADMIN.name(), Role.SUPERVISOR.name(),
			Role.STAFF.name());

	private static final Set<String> ADMINS = Set.of(Role.ADMIN.name());

	@Override
	public int order() {
		return 300;
	}

	@Override
	public List<MenuEntry> entries() {
		return List.of(new MenuEntry("menu.petitions", "/petitions", RECORD_KEEPERS, List.of(
				new MenuEntry("menu.petitionLedger", "/petitions", RECORD_KEEPERS),
				new MenuEntry("menu.myPetitions", "/petitions/mine", RECORD_KEEPERS),
				new MenuEntry("menu.petitionFigures", "/petitions/figures", RECORD_KEEPERS),
				new MenuEntry("menu.backlog", "/petitions/backlog", RECORD_KEEPERS),
				new MenuEntry("menu.petitionCategories", "/petition-categories", ADMINS),
				new MenuEntry("menu.petitionDepartments", "/petition-departments", ADMINS))));
	}

}
