package org.pomegranate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.account.Role;
import org.pomegranate.audit.AuditRouteDecisions;
import org.pomegranate.shared.MenuContribution;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.Upload;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application against every role and against a user of another county. The
 * routes are read from the request mappings, so a new route that is missing from {@link #MATRIX}
 * fails the build until someone decides who may use it, whichever module it lives in and whatever
 * rules that module contributes. A module adds its decisions from its own test package, as a
 * {@link RouteDecisions}.
 */
@IntegrationTest
class AuthorizationMatrixTests {

	private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

	private static final Set<Role> RECORD_KEEPERS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.STAFF);

	private static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

	/** Those who enter records: staff, and admins who stand in for them. Supervisors only read. */
	private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.STAFF);

	private static final Set<Role> SUPERVISORS = EnumSet.of(Role.ADMIN, Role.SUPERVISOR);

	/** Who may use each route; {@code null} means anyone, signed in or not. */
	static final Map<String, Set<Role>> MATRIX = new LinkedHashMap<>();

	/** Request parameters that make a call harmless: an empty form, a stale version. */
	static final Map<String, Map<String, String>> PARAMETERS = new LinkedHashMap<>();

	static {
		MATRIX.put("GET /login", null);
		MATRIX.put("GET /", EVERYONE);
		MATRIX.put("GET /account/password", EVERYONE);
		MATRIX.put("GET /dashboard", SUPERVISORS);
		MATRIX.put("GET /api/stats/tiles", RECORD_KEEPERS);
		MATRIX.put("GET /api/stats/regions", RECORD_KEEPERS);
		MATRIX.put("GET /api/stats/trend", RECORD_KEEPERS);
		MATRIX.put("GET /api/stats/categories", RECORD_KEEPERS);
		MATRIX.put("GET /reports", ADMINS);
		MATRIX.put("POST /reports", ADMINS);
		MATRIX.put("GET /reports/{id}", ADMINS);
		MATRIX.put("POST /reports/{id}", ADMINS);
		MATRIX.put("POST /reports/{id}/freeze", ADMINS);
		MATRIX.put("GET /reports/{id}/xlsx", ADMINS);
		MATRIX.put("GET /reports/{id}/docx", ADMINS);
		MATRIX.put("POST /account/password", EVERYONE);
		MATRIX.put("GET /regions", RECORD_KEEPERS);
		MATRIX.put("GET /regions/search", RECORD_KEEPERS);
		MATRIX.put("GET /regions/{code}", RECORD_KEEPERS);
		MATRIX.put("POST /regions/{code}/children", ADMINS);
		MATRIX.put("POST /regions/{code}/rename", ADMINS);
		MATRIX.put("POST /regions/{code}/retire", ADMINS);
		MATRIX.put("POST /regions/{code}/reinstate", ADMINS);
		MATRIX.put("GET /admin/users", ADMINS);
		MATRIX.put("GET /admin/users/new", ADMINS);
		MATRIX.put("POST /admin/users", ADMINS);
		MATRIX.put("GET /admin/users/{id}", ADMINS);
		MATRIX.put("POST /admin/users/{id}", ADMINS);
		MATRIX.put("POST /admin/users/{id}/disable", ADMINS);
		MATRIX.put("POST /admin/users/{id}/enable", ADMINS);
		MATRIX.put("POST /admin/users/{id}/password", ADMINS);
		MATRIX.put("GET /coverage", RECORD_KEEPERS);
		MATRIX.put("GET /households", RECORD_KEEPERS);
		MATRIX.put("GET /households/export", RECORD_KEEPERS);
		MATRIX.put("POST /households/export-unmasked", SUPERVISORS);
		MATRIX.put("GET /households/new", WRITERS);
		MATRIX.put("POST /households", WRITERS);
		MATRIX.put("GET /households/{id}", RECORD_KEEPERS);
		MATRIX.put("GET /households/{id}/edit", WRITERS);
		MATRIX.put("POST /households/{id}", WRITERS);
		MATRIX.put("POST /households/{id}/reveal", RECORD_KEEPERS);
		MATRIX.put("GET /cadres", RECORD_KEEPERS);
		MATRIX.put("GET /cadres/export", RECORD_KEEPERS);
		MATRIX.put("GET /cadres/new", WRITERS);
		MATRIX.put("POST /cadres", WRITERS);
		MATRIX.put("GET /cadres/{id}", RECORD_KEEPERS);
		MATRIX.put("GET /cadres/{id}/edit", WRITERS);
		MATRIX.put("POST /cadres/{id}", WRITERS);
		MATRIX.put("POST /cadres/{id}/leave", WRITERS);
		MATRIX.put("GET /programs", RECORD_KEEPERS);
		MATRIX.put("GET /programs/new", ADMINS);
		MATRIX.put("POST /programs", ADMINS);
		MATRIX.put("GET /programs/{id}/edit", ADMINS);
		MATRIX.put("POST /programs/{id}", ADMINS);
		MATRIX.put("GET /pairings", RECORD_KEEPERS);
		MATRIX.put("GET /pairings/export", RECORD_KEEPERS);
		MATRIX.put("GET /pairings/new", WRITERS);
		MATRIX.put("POST /pairings", WRITERS);
		MATRIX.put("POST /pairings/{id}/end", WRITERS);
		MATRIX.put("POST /pairings/{id}/reassign", WRITERS);
		MATRIX.put("GET /pairings/{id}/visits/new", WRITERS);
		MATRIX.put("POST /pairings/{id}/visits", WRITERS);
		MATRIX.put("GET /visits", RECORD_KEEPERS);
		MATRIX.put("GET /visits/export", RECORD_KEEPERS);
		MATRIX.put("GET /petitions", RECORD_KEEPERS);
		MATRIX.put("GET /petitions/export", RECORD_KEEPERS);
		MATRIX.put("GET /petitions/mine", RECORD_KEEPERS);
		MATRIX.put("GET /petitions/backlog", RECORD_KEEPERS);
		MATRIX.put("GET /petitions/figures", RECORD_KEEPERS);
		MATRIX.put("GET /petitions/new", WRITERS);
		MATRIX.put("POST /petitions", WRITERS);
		MATRIX.put("GET /petitions/{id}", RECORD_KEEPERS);
		MATRIX.put("POST /petitions/{id}/push", RECORD_KEEPERS);
		MATRIX.put("POST /petitions/{id}/accept", WRITERS);
		MATRIX.put("POST /petitions/{id}/return", WRITERS);
		MATRIX.put("POST /petitions/{id}/progress", WRITERS);
		MATRIX.put("POST /petitions/{id}/close", WRITERS);
		MATRIX.put("POST /petitions/{id}/rate", WRITERS);
		MATRIX.put("POST /petitions/{id}/archive", WRITERS);
		MATRIX.put("POST /petitions/{id}/backlog", SUPERVISORS);
		// Reviewers too, for the evidence of the submissions they review; the owner decides (404 otherwise).
		MATRIX.put("GET /files/{id}", EnumSet.allOf(Role.class));
		MATRIX.put("GET /petition-categories", ADMINS);
		MATRIX.put("POST /petition-categories", ADMINS);
		MATRIX.put("GET /petition-departments", ADMINS);
		MATRIX.put("POST /petition-departments", ADMINS);
		MATRIX.put("POST /petition-departments/{id}", ADMINS);

		PARAMETERS.put("POST /regions/{code}/rename", Map.of("version", "-1", "name", ""));
		PARAMETERS.put("POST /regions/{code}/retire", Map.of("version", "-1"));
		PARAMETERS.put("POST /regions/{code}/reinstate", Map.of("version", "-1"));
		PARAMETERS.put("POST /admin/users/{id}", Map.of("version", "-1"));
		PARAMETERS.put("POST /admin/users/{id}/disable", Map.of("version", "-1"));
		PARAMETERS.put("POST /admin/users/{id}/enable", Map.of("version", "-1"));
		PARAMETERS.put("POST /households/{id}", Map.of("version", "-1"));
		PARAMETERS.put("POST /cadres/{id}", Map.of("version", "-1"));
		PARAMETERS.put("POST /cadres/{id}/leave", Map.of("version", "-1"));
		PARAMETERS.put("POST /programs/{id}", Map.of("version", "-1"));
		PARAMETERS.put("GET /pairings/new", Map.of("household", "{household}"));
		PARAMETERS.put("POST /pairings", Map.of("household", "{household}", "program", "{program}"));
		PARAMETERS.put("POST /pairings/{id}/end", Map.of("version", "-1"));
		PARAMETERS.put("POST /pairings/{id}/reassign", Map.of("version", "-1"));
		for (var step : List.of("push", "accept", "return", "progress", "close", "rate", "archive", "backlog")) {
			PARAMETERS.put("POST /petitions/{id}/" + step, Map.of("version", "-1"));
		}
		PARAMETERS.put("POST /petition-departments/{id}", Map.of("version", "-1"));
		PARAMETERS.put("POST /reports", Map.of("region", "{code}", "period", "1999-01"));
		PARAMETERS.put("POST /reports/{id}", Map.of("version", "-1"));
		PARAMETERS.put("POST /reports/{id}/freeze", Map.of("version", "-1"));
	}

	/** The smallest file a PNG's magic and a few bytes make. */
	private static final byte[] PNG = Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, 16);

	/** One demo account per role, all at 甘孜州 except the county staff. */
	private static final Map<Role, String> DEMO_USERS = Map.of(Role.ADMIN, "kd_admin", Role.SUPERVISOR,
			"kd_supervisor", Role.STAFF, "kd_staff", Role.REVIEWER, "gz_reviewer");

	/** The decisions a module keeps in its own test package, added to those above. */
	private static final List<RouteDecisions> MODULE_DECISIONS = RouteDecisions.all();

	static {
		for (var module : MODULE_DECISIONS) {
			module.matrix().forEach((route, roles) -> {
				if (MATRIX.containsKey(route)) {
					throw new IllegalStateException(route + " is decided twice");
				}
				MATRIX.put(route, roles);
			});
			PARAMETERS.putAll(module.parameters());
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	List<MenuContribution> menuContributions;

	@Autowired
	FileStore files;

	private Map<String, String> kangdingRecords;

	private Map<String, String> ludingRecords;

	/** A record of each kind in 康定市 and in 泸定县, made where the demo data has none. */
	@BeforeEach
	void sampleRecords() {
		kangdingRecords = records("513301", "kd_staff", jdbc, files);
		ludingRecords = records("513322", "ld_staff", jdbc, files);
	}

	/**
	 * A record of each kind the routes name in 康定市 ({@code "513301"}, user kd_staff) or 泸定县
	 * ({@code "513322"}, ld_staff): {@code "household"} → its id. Other tests that walk every route
	 * use these too.
	 */
	static Map<String, String> records(String county, String username, JdbcTemplate jdbc, FileStore files) {
		var records = new LinkedHashMap<String, String>();
		records.put("code", county + (county.equals("513301") ? "001" : "100"));
		records.put("user", String.valueOf(jdbc.queryForObject("select id from user_account where username = ?",
				Long.class, username)));
		records.put("household", first(jdbc, "select min(id) from household where region_code like ?", county + "%"));
		records.put("cadre", first(jdbc, "select min(id) from cadre where region_code like ? and left_on is null", county + "%"));
		jdbc.update("""
				insert into pairing_program (name, region_code, target_categories, cadre_levels, min_households,
				                             max_households, visit_interval_days)
				values ('授权测试计划', ?, 255, 31, 0, 99, 30) on conflict do nothing""", county);
		records.put("program", first(jdbc, "select id from pairing_program where name = '授权测试计划' and region_code = ?", county));
		if (first(jdbc, "select count(*) from pairing where program_id = ?", Long.parseLong(records.get("program"))).equals("0")) {
			jdbc.update("""
					insert into pairing (program_id, cadre_id, household_id, region_code, started_on)
					select ?, ?, h.id, h.region_code, current_date - 10 from household h where h.id = ?""",
					Long.parseLong(records.get("program")), Long.parseLong(records.get("cadre")),
					Long.parseLong(records.get("household")));
			jdbc.update("""
					insert into visit (pairing_id, household_id, region_code, visited_on, kind, visitors, created_by)
					select id, household_id, region_code, current_date - 1, 'PHONE', '授权测试', 'test' from pairing
					where program_id = ?""", Long.parseLong(records.get("program")));
			var visit = jdbc.queryForMap("""
					select v.id, v.region_code from visit v join pairing p on p.id = v.pairing_id where p.program_id = ?""",
					Long.parseLong(records.get("program")));
			files.store("visit", (Long) visit.get("id"), (String) visit.get("region_code"), Upload.of("test.png", PNG));
		}
		records.put("pairing", first(jdbc, "select min(id) from pairing where program_id = ?", Long.parseLong(records.get("program"))));
		petitionRecords(county, records, jdbc, files);
		jdbc.update("""
				insert into monthly_report (region_code, period_kind, period_start, state, created_by)
				values (?, 'MONTH', '1999-01-01', 'DRAFT', 'test') on conflict do nothing""", county);
		records.put("report", first(jdbc, """
				select id from monthly_report where region_code = ? and period_start = '1999-01-01' and state = 'DRAFT'""", county));
		records.put("file", first(jdbc, "select min(f.id) from stored_file f join visit v on v.id = f.owner_id "
				+ "where f.owner_kind = 'visit' and v.region_code like ?", county + "%"));
		MODULE_DECISIONS.forEach(module -> records.putAll(module.records(county, jdbc)));
		return records;
	}

	/** A department, a petition with its registering step and an attached file, in a village of the county. */
	private static void petitionRecords(String county, Map<String, String> records, JdbcTemplate jdbc, FileStore files) {
		var village = jdbc.queryForObject("select min(code) from region where parent_code = ?", String.class, records.get("code"));
		jdbc.update("insert into petition_department (name, region_code) values ('授权测试单位', ?) on conflict do nothing", county);
		records.put("petition-department",
				first(jdbc, "select id from petition_department where name = '授权测试单位' and region_code = ?", county));
		jdbc.update("""
				insert into petition (number, submission_token, source, petitioner_name, region_code, category_id, title,
				                      urgency, received_on, state, accept_due_on, close_due_on, registered_by)
				values (? || '-1999-000001', gen_random_uuid(), 'WALK_IN', '授权测试', ?, (select min(id) from petition_category),
				        '授权测试诉求', 'NORMAL', current_date, 'REGISTERED', current_date + 3, current_date + 15, 'test')
				on conflict (number) do nothing""", county, village);
		records.put("petition", first(jdbc, "select id from petition where number = ? || '-1999-000001'", county));
		long petition = Long.parseLong(records.get("petition"));
		if (first(jdbc, "select count(*) from petition_step where petition_id = ?", petition).equals("0")) {
			jdbc.update("""
					insert into petition_step (petition_id, region_code, action, to_state, actor_username, actor_name)
					select id, region_code, 'REGISTER', 'REGISTERED', 'test', '授权测试' from petition where id = ?""", petition);
			var step = jdbc.queryForMap("select id, region_code from petition_step where petition_id = ?", petition);
			files.store("petition-step", (Long) step.get("id"), (String) step.get("region_code"), Upload.of("test.png", PNG));
		}
	}

	private static String first(JdbcTemplate jdbc, String sql, Object argument) {
		return String.valueOf(jdbc.queryForObject(sql, Long.class, argument));
	}

	@Test
	void everyRouteIsInTheMatrix() {
		assertThat(routes()).as("routes without a decision in MATRIX").isSubsetOf(MATRIX.keySet());
		assertThat(MATRIX.keySet()).as("MATRIX entries without a route").isSubsetOf(routes());
	}

	/**
	 * A route that a module adds without a decision here fails the build, whichever module it is
	 * in, because the routes are read from the request mappings and not from the modules' rules.
	 * Undecided, it would fall to "signed in": every role, reviewers included, would reach it.
	 */
	@Test
	void aNewModulesRouteWithoutADecisionFailsTheBuild() throws Exception {
		var info = RequestMappingInfo.paths("/not-yet-written")
			.methods(RequestMethod.GET)
			.options(mappings.getBuilderConfiguration())
			.build();
		mappings.registerMapping(info, new NotYetWrittenStub(), NotYetWrittenStub.class.getMethod("list"));
		try {
			assertThatThrownBy(this::everyRouteIsInTheMatrix).isInstanceOf(AssertionError.class)
				.hasMessageContaining("routes without a decision in MATRIX")
				.hasMessageContaining("GET /not-yet-written");
			assertThat(perform("GET /not-yet-written", kangdingRecords, DEMO_USERS.get(Role.REVIEWER)).getStatus()).isEqualTo(200);
		}
		finally {
			mappings.unregisterMapping(info);
		}
		assertThat(routes()).doesNotContain("GET /not-yet-written");
	}

	/** A module's decisions are read from its own test package (here the audit module's). */
	@Test
	void aModulesOwnDecisionsCount() {
		assertThat(MODULE_DECISIONS).hasAtLeastOneElementOfType(AuditRouteDecisions.class);
		assertThat(MATRIX).containsEntry("GET /admin/audit", ADMINS);
	}

	/**
	 * Each menu entry, whichever module contributes it, is shown to exactly the roles that may open
	 * it: no link answers 403, and none is hidden from someone who may use it.
	 */
	@Test
	void everyMenuEntryIsShownToExactlyTheRolesThatMayOpenIt() {
		var failures = new ArrayList<String>();
		var entries = new ArrayList<MenuItem>();
		MenuItem.of(menuContributions).forEach(item -> {
			entries.add(item);
			entries.addAll(item.children());
		});
		assertThat(entries).hasSizeGreaterThan(10);
		for (var entry : entries) {
			var route = "GET " + entry.href();
			if (!MATRIX.containsKey(route)) {
				failures.add(entry.key() + ": no route " + route);
				continue;
			}
			var allowed = MATRIX.get(route) == null ? EVERYONE : MATRIX.get(route);
			if (!entry.roles().equals(allowed)) {
				failures.add(entry.key() + " shown to " + entry.roles() + ", " + route + " open to " + allowed);
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void eachRoleReachesExactlyItsRoutes() throws Exception {
		var failures = new ArrayList<String>();
		for (String route : routes()) {
			var allowed = MATRIX.get(route);
			for (Role role : Role.values()) {
				var response = perform(route, kangdingRecords, DEMO_USERS.get(role));
				boolean permitted = allowed == null || allowed.contains(role);
				if (permitted && !passedSecurity(response)) {
					failures.add(role + " refused " + route + ": " + describe(response));
				}
				if (!permitted && response.getStatus() != 403) {
					failures.add(role + " not refused " + route + ": " + describe(response));
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		var failures = new ArrayList<String>();
		for (String route : routes()) {
			var response = perform(route, kangdingRecords, null);
			boolean isPublic = MATRIX.get(route) == null;
			boolean sentToLogin = response.getStatus() == 302 && response.getRedirectedUrl() != null
					&& response.getRedirectedUrl().endsWith("/login");
			boolean served = response.getStatus() == 200;
			if (isPublic ? !served : !sentToLogin) {
				failures.add("anonymous " + route + ": " + describe(response));
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * An admin of 康定市 may use every route, but a record of 泸定县 answers 404 through each of
	 * them, exactly as if it did not exist.
	 */
	@Test
	void aRecordOfAnotherCountyIsNotFoundThroughAnyRoute() throws Exception {
		var failures = new ArrayList<String>();
		// A public route (the verification page) is not scoped by region: it answers whoever holds the code.
		var withRecords = routes().stream().filter(route -> route.contains("{") && MATRIX.get(route) != null).toList();
		assertThat(withRecords).isNotEmpty();
		for (String route : withRecords) {
			for (String username : List.of("kd_admin", "kd_staff")) {
				var response = perform(route, ludingRecords, username);
				var allowed = MATRIX.get(route);
				var role = username.equals("kd_admin") ? Role.ADMIN : Role.STAFF;
				int expected = allowed == null || allowed.contains(role) ? 404 : 403;
				if (response.getStatus() != expected) {
					failures.add(username + " " + route + " with 泸定县 records: expected " + expected + ", " + describe(response));
				}
			}
		}
		assertThat(failures).isEmpty();
	}

	/** Lists and pages never show a record of another county. */
	@Test
	void noPageOfACountyUserShowsAnotherCounty() throws Exception {
		var failures = new ArrayList<String>();
		for (String route : routes()) {
			if (!route.startsWith("GET ") || route.contains("{")) {
				continue;
			}
			var response = perform(route, kangdingRecords, "kd_admin");
			var body = response.getContentAsString();
			for (String foreign : List.of("ld_staff", "泸定", "513322", "gz_admin")) {
				// The audit log lists the admin's own refused attempts, with the codes they typed.
				boolean ownAttempt = route.equals("GET /admin/audit") && foreign.equals("513322");
				if (body.contains(foreign) && !ownAttempt) {
					failures.add(route + " shows " + foreign);
				}
			}
		}
		var searched = mvc.perform(request(HttpMethod.GET, "/regions/search").param("q", "泸定")
			.with(user(users.loadUserByUsername("kd_admin")))).andReturn().getResponse();
		assertThat(searched.getStatus()).isEqualTo(200);
		assertThat(searched.getContentAsString()).doesNotContain("泸桥镇").doesNotContain("513322");
		assertThat(failures).isEmpty();
	}

	private MockHttpServletResponse perform(String route, Map<String, String> records, String username)
			throws Exception {
		var parts = route.split(" ", 2);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[0]), path(route, records))
			.header("Accept", "text/html");
		parameters(route, records).forEach(request::param);
		if (parts[0].equals("POST")) {
			request.with(csrf());
		}
		if (username != null) {
			request.with(user(users.loadUserByUsername(username)));
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	/**
	 * The path of a route ({@code "GET /households/{id}"}) with the code and id of the records'; any
	 * other variable ({@code {verificationCode}}) is filled with the record of its own name.
	 */
	static String path(String route, Map<String, String> records) {
		var pattern = route.split(" ", 2)[1];
		var path = pattern.replace("{code}", records.get("code"));
		path = path.contains("{id}") ? path.replace("{id}", records.get(idKind(pattern))) : path;
		return OTHER_VARIABLE.matcher(path)
			.replaceAll(variable -> Matcher.quoteReplacement(records.getOrDefault(variable.group(1), variable.group())));
	}

	private static final Pattern OTHER_VARIABLE = Pattern.compile("\\{(\\w+)}");

	/** The harmless parameters of a route ({@link #PARAMETERS}), record placeholders filled in. */
	static Map<String, String> parameters(String route, Map<String, String> records) {
		var parameters = new LinkedHashMap<String, String>();
		PARAMETERS.getOrDefault(route, Map.of()).forEach((name, value) -> parameters.put(name,
				value.startsWith("{") ? records.get(value.substring(1, value.length() - 1)) : value));
		return parameters;
	}

	/** Which kind of record a route's {@code {id}} names. */
	static String idKind(String path) {
		if (path.startsWith("/admin/users")) {
			return "user";
		}
		return path.substring(1, path.indexOf('/', 1)).replaceAll("s$", "");
	}

	/** Reached the controller: not refused, not sent to the login page, and the record was found. */
	private static boolean passedSecurity(MockHttpServletResponse response) {
		int status = response.getStatus();
		if (status == 401 || status == 403 || status == 404 || status >= 500) {
			return false;
		}
		return !(status == 302 && response.getRedirectedUrl() != null
				&& response.getRedirectedUrl().endsWith("/login"));
	}

	private static String describe(MockHttpServletResponse response) {
		return response.getStatus() + (response.getRedirectedUrl() == null ? "" : " → " + response.getRedirectedUrl());
	}

	private Set<String> routes() {
		return routes(mappings);
	}

	/** Every route of the application's own controllers, {@code "GET /households/{id}"}, read from the request mappings. */
	static Set<String> routes(RequestMappingHandlerMapping mappings) {
		var routes = new TreeSet<String>();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.pomegranate")) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					routes.add(method.name() + " " + pattern);
				}
			}
		});
		return routes;
	}

}
