package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.shared.MenuEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The menu that the modules contribute, as each role sees it: the same as when it was one list in
 * {@link MenuItem}.
 */
@IntegrationTest
class MenuTests {

	private static final String PAIRING = "menu.pairing /coverage [menu.coverage /coverage, menu.households /households, "
			+ "menu.cadres /cadres, menu.pairings /pairings, menu.visits /visits, menu.programs /programs]";

	@Autowired
	LayoutAdvice layout;

	@Autowired
	UserDetailsService users;

	@Test
	void eachRoleSeesItsEntriesInTheOrderOfTheModules() {
		assertThat(menuOf("kd_admin")).containsExactly("menu.home /", PAIRING.replace("]", ", menu.transfers /transfers]"),
				"menu.petitions /petitions [menu.petitionLedger /petitions, menu.myPetitions /petitions/mine, "
						+ "menu.petitionFigures /petitions/figures, menu.backlog /petitions/backlog, "
						+ "menu.petitionCategories /petition-categories, menu.petitionDepartments /petition-departments]",
				"menu.namingDirectory /namings/directory", "menu.reports /reports", "menu.regions /regions", "menu.users /admin/users",
				"menu.secondFactorRegions /admin/second-factor", "menu.audit /admin/audit");
		var recordKeeper = List.of("menu.home /", PAIRING,
				"menu.petitions /petitions [menu.petitionLedger /petitions, menu.myPetitions /petitions/mine, "
						+ "menu.petitionFigures /petitions/figures, menu.backlog /petitions/backlog]",
				"menu.namingDirectory /namings/directory", "menu.regions /regions");
		assertThat(menuOf("kd_supervisor")).isEqualTo(recordKeeper);
		assertThat(menuOf("kd_staff")).isEqualTo(recordKeeper);
		assertThat(menuOf("gz_reviewer")).containsExactly("menu.home /");
	}

	@Test
	void aRoleNameThatIsNoRoleFailsAtStart() {
		var typo = new MenuEntry("menu.typo", "/typo", Set.of("ADMINS"));
		assertThatIllegalStateException()
			.isThrownBy(() -> MenuItem.of(typo))
			.withMessageContaining("ADMINS");
	}

	private List<String> menuOf(String username) {
		var user = (CurrentUser) users.loadUserByUsername(username);
		return layout.menu(user).stream().map(MenuTests::describe).toList();
	}

	private static String describe(MenuItem item) {
		var text = item.key() + " " + item.href();
		if (item.children().isEmpty()) {
			return text;
		}
		return text + item.children().stream().map(MenuTests::describe).collect(Collectors.joining(", ", " [", "]"));
	}

}
