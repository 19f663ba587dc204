package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The buttons each role finds on the pages, now that the pages ask the services what the user may
 * do: the same as when the templates compared roles (the expected answers below are those
 * comparisons), and no template compares roles any more.
 */
@IntegrationTest
class PagesOfferWhatTheUserMayTests {

	/** A role compared in a template: {@code currentUser.role().name() == 'ADMIN'}, {@code hasRole(…)}. */
	private static final Pattern ROLE_COMPARISON = Pattern
		.compile("role\\(\\)\\s*(\\.name\\(\\)|==|!=|\\beq\\b|\\bne\\b)|hasRole|hasAnyRole|#authorization|sec:authorize");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void noTemplateComparesRoles() throws IOException {
		var comparing = new TreeSet<String>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				var lines = Files.readAllLines(template);
				for (int i = 0; i < lines.size(); i++) {
					if (ROLE_COMPARISON.matcher(lines.get(i)).find()) {
						comparing.add(template.getFileName() + ":" + (i + 1));
					}
				}
			}
		}
		assertThat(comparing).isEmpty();
	}

	@Test
	void eachRoleFindsTheButtonsItFoundBefore() throws Exception {
		long household = id("""
				select min(p.household_id) from pairing p join visit v on v.pairing_id = p.id
				where p.region_code like '513301%' and p.ended_on is null""");
		long pairing = id("select min(id) from pairing where household_id = " + household + " and ended_on is null");
		long visit = id("select min(id) from visit where household_id = " + household);
		long cadre = id("select min(id) from cadre where region_code like '513301%' and left_on is null");
		long countyProgram = id("select min(id) from pairing_program where region_code = '513301'");
		long prefectureProgram = id("select min(id) from pairing_program where region_code = '5133'");
		var failures = new ArrayList<String>();
		for (var role : List.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF)) {
			boolean notSupervisor = role != Role.SUPERVISOR;
			boolean admin = role == Role.ADMIN;
			var username = "kd_" + role.name().toLowerCase(Locale.ROOT);
			var households = page("/households", username);
			offers(failures, role, "/households new", households, "id=\"new-household\"", notSupervisor);
			offers(failures, role, "/households unmasked export", households, "action=\"/households/export-unmasked\"",
					role == Role.SUPERVISOR || admin);
			var page = page("/households/" + household, username);
			offers(failures, role, "household raise", page, "id=\"raise-petition\"", notSupervisor);
			offers(failures, role, "household edit", page, "href=\"/households/" + household + "/edit\"", notSupervisor);
			offers(failures, role, "household pair", page, "id=\"pair\"", notSupervisor);
			offers(failures, role, "household visit", page, "href=\"/pairings/" + pairing + "/visits/new\"", notSupervisor);
			offers(failures, role, "household change", page, "id=\"change-" + pairing + "\"", notSupervisor);
			offers(failures, role, "household raise from visit", page, "id=\"raise-" + visit + "\"", notSupervisor);
			offers(failures, role, "visits raise", page("/visits?followUpNeeded=true", username), "/petitions/new?visit=",
					notSupervisor);
			offers(failures, role, "/cadres new", page("/cadres", username), "id=\"new-cadre\"", notSupervisor);
			offers(failures, role, "cadre edit", page("/cadres/" + cadre, username), "href=\"/cadres/" + cadre + "/edit\"",
					notSupervisor);
			var programs = page("/programs", username);
			offers(failures, role, "/programs new", programs, "id=\"new-program\"", admin);
			offers(failures, role, "county program edit", programs, "href=\"/programs/" + countyProgram + "/edit\"", admin);
			offers(failures, role, "prefecture program edit", programs, "href=\"/programs/" + prefectureProgram + "/edit\"",
					false);
			offers(failures, role, "region add", page("/regions/513301", username), "id=\"add-child\"", admin);
			offers(failures, role, "/petitions new", page("/petitions", username), "id=\"new-petition\"",
					role == Role.STAFF || admin);
			offers(failures, role, "/petitions/backlog new", page("/petitions/backlog", username), "id=\"new-petition\"",
					role == Role.STAFF || admin);
			offers(failures, role, "home reviewer note", page("/", username), "id=\"reviewer-tasks\"", false);
		}
		offers(failures, Role.REVIEWER, "home reviewer note", page("/", "gz_reviewer"), "id=\"reviewer-tasks\"", true);
		assertThat(failures).isEmpty();
	}

	private void offers(List<String> failures, Role role, String what, String page, String marker, boolean expected) {
		if (page.contains(marker) != expected) {
			failures.add(role + (expected ? " misses " : " is offered ") + what);
		}
	}

	private String page(String path, String username) throws Exception {
		var response = mvc.perform(get(path).with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
		assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
		return response.getContentAsString();
	}

	private long id(String sql) {
		var id = jdbc.queryForObject(sql, Long.class);
		assertThat(id).as(sql).isNotNull();
		return id;
	}

}
