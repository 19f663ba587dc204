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

	private static final String UNITS = "menu.units /units [menu.units.list /units, menu.units.network /units/network]";

	private static final String NAMINGS = "menu.namings /namings [menu.namings.list /namings, "
			+ "menu.namingDirectory /namings/directory, menu.namings.new /namings/new, menu.namings.batches /naming-batches, "
			+ "menu.namings.due /namings/due, menu.namings.draws /naming-draws, menu.namings.rules /namings/rules]";

	private static final String ASSESSMENT = "menu.assessment /assessments [menu.assessments /assessments, "
			+ "menu.assessmentOverview /assessment-overview, menu.evidence /evidence, menu.frameworks /frameworks]";

	private static final String ACTIVITIES = "menu.activities /activities [menu.activities.list /activities, "
			+ "menu.activities.new /activities/new, menu.activities.figures /activities/figures]";

	private static final String TASKS = "menu.tasks /plans [menu.tasks.inbox /tasks/inbox, menu.tasks.plans /plans, "
			+ "menu.tasks.lists /tasks/lists, menu.tasks.figures /tasks/figures]";

	private static final String INSPECTION = "menu.inspection /rectifications/inbox [menu.inspection.inbox /rectifications/inbox, "
			+ "menu.inspection.inspections /inspections, menu.inspection.ledger /rectifications, menu.inspection.notices /notices, "
			+ "menu.inspection.figures /inspections/figures]";

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
				UNITS, NAMINGS, ASSESSMENT.replace("]", ", menu.institutions /institutions]"), ACTIVITIES, TASKS, INSPECTION,
				"menu.imports /imports", "menu.reports /reports", "menu.regions /regions", "menu.users /admin/users",
				"menu.secondFactorRegions /admin/second-factor", "menu.audit /admin/audit");
		var petitions = "menu.petitions /petitions [menu.petitionLedger /petitions, menu.myPetitions /petitions/mine, "
				+ "menu.petitionFigures /petitions/figures, menu.backlog /petitions/backlog]";
		assertThat(menuOf("kd_supervisor")).containsExactly("menu.home /", PAIRING, petitions, UNITS,
				NAMINGS.replace(", menu.namings.new /namings/new", "").replace(", menu.namings.rules /namings/rules", ""),
				ASSESSMENT, ACTIVITIES.replace(", menu.activities.new /activities/new", ""),
				TASKS.replace("menu.tasks.inbox /tasks/inbox, ", ""), INSPECTION, "menu.regions /regions");
		assertThat(menuOf("kd_staff")).containsExactly("menu.home /", PAIRING, petitions, UNITS,
				NAMINGS.replace(", menu.namings.draws /naming-draws", "").replace(", menu.namings.rules /namings/rules", ""),
				ASSESSMENT, ACTIVITIES, TASKS.replace(", menu.tasks.lists /tasks/lists, menu.tasks.figures /tasks/figures", ""),
				INSPECTION, "menu.imports /imports", "menu.regions /regions");
		assertThat(menuOf("gz_reviewer")).containsExactly("menu.home /", "menu.reviews /reviews");
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
