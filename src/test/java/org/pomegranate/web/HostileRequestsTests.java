package org.pomegranate.web;

import org.pomegranate.TestRegions;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.pomegranate.Site;
import org.pomegranate.TestDatabaseConfiguration;
import org.pomegranate.WebSession;
import org.pomegranate.files.FileStore;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of {@link AuthorizationMatrixTests}' enumeration, each of its path variables and
 * parameters (read from the controller method: request parameters and the fields of its form or
 * query record) given hostile values one at a time: NUL and other control characters,
 * percent-encoded path segments, 10,000 characters, wrong types, another county's ids, negative
 * and huge numbers; as an admin, a staff member and an anonymous visitor in turn. No answer is a
 * 5xx, and nothing is logged with a stack trace or as an error: a client's mistake is not the
 * server's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestDatabaseConfiguration.class)
class HostileRequestsTests {

	private static final String LONG = "长".repeat(10_000);

	private static final List<String> ANY_TEXT = List.of("\0", "a\u0001b", "\u007F", "a\u0085b");

	private static final List<String> NUMBERS = List.of("-1", "0", "99999999999999999999", "-9223372036854775808",
			"2147483648", "1.5", "abc", "1e3", " 1 ");

	private static final List<String> PATH_SEGMENTS = List.of("%00", "%01", "%2e%2e", "%2F", "..%2F..", "%25",
			"%20", "%E2%80%AE", "%FF", "a%3Bb", "%5C");

	/** How many of the values a parameter's type invites are tried on each parameter. */
	private static final int SAMPLE = 3;

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FileStore files;

	private int rotation;

	@Test
	void noHostileValueGivesA5xxOrAStackTrace() {
		var own = new HashMap<>(AuthorizationMatrixTests.records("513301", "kd_staff", jdbc, files));
		// The admin's fuzz disables, edits and resets the user it is given: never a demo account that other
		// test classes sign in with.
		own.put("user", String.valueOf(jdbc.queryForObject("""
				insert into user_account (username, display_name, password_hash, role, region_code)
				values ('fuzz_' || (extract(epoch from clock_timestamp()) * 1000)::bigint, '模糊测试对象', '{noop}-',
				        'STAFF', '513301')
				returning id""", Long.class)));
		var foreign = new HashMap<>(AuthorizationMatrixTests.records("513322", "ld_staff", jdbc, files));
		// Nor a township other test classes register users and households in: the fuzz retires and
		// renames the region it is given.
		own.put("code", township("513301"));
		foreign.put("code", township("513322"));
		var ganziUnits = ganziUnits();
		var admin = new WebSession(port);
		admin.login("kd_admin", Site.DEMO_PASSWORD);
		var staff = new WebSession(port);
		staff.login("kd_staff", Site.DEMO_PASSWORD);
		var anonymous = new WebSession(port);
		anonymous.get("/login");
		var sessions = List.of(admin, staff, anonymous);

		var log = new ListAppender<ILoggingEvent>();
		log.start();
		var root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
		root.addAppender(log);
		var failures = new ArrayList<String>();
		var attempts = new ArrayList<Attempt>();
		routes().forEach((route, parameters) -> attempts.addAll(attempts(route, parameters, own, foreign)));
		try {
			int turn = 0;
			for (var attempt : attempts) {
				var session = sessions.get(turn++ % sessions.size());
				int before = logged(log).size();
				var response = session.request(attempt.method(), attempt.path(), "text/html", attempt.parameters());
				var logged = logged(log).subList(before, logged(log).size())
					.stream()
					.filter(event -> event.getThrowableProxy() != null || event.getLevel().isGreaterOrEqual(Level.ERROR))
					.map(event -> event.getLoggerName() + " " + event.getFormattedMessage()
							+ (event.getThrowableProxy() == null ? "" : " ‹" + event.getThrowableProxy().getClassName() + "›"))
					.toList();
				if (response.statusCode() >= 500 || !logged.isEmpty()) {
					failures.add(describe(session == admin ? "ADMIN" : session == staff ? "STAFF" : "anonymous", attempt,
							response) + (logged.isEmpty() ? "" : " logged " + logged));
				}
			}
		}
		finally {
			root.detachAppender(log);
		}
		assertThat(attempts).hasSizeGreaterThan(1000);
		assertThat(failures).isEmpty();
		// 甘孜州's units, members, duty statements, history and wall photos are the demo loader's and
		// stay so: every unit write the fuzz sends as 康定's users is refused.
		assertThat(ganziUnits()).isEqualTo(ganziUnits);
	}

	/** Everything recorded about the units of 甘孜州 (5133), as one text to compare. */
	private String ganziUnits() {
		return jdbc.queryForObject("""
				select concat_ws(' | ',
				    (select count(*) || ':' || coalesce(md5(string_agg(u::text, ',' order by u.id)), '')
				     from campaign_unit u where u.region_code like '5133%'),
				    (select count(*) || ':' || coalesce(md5(string_agg(m::text, ',' order by m.id)), '')
				     from unit_membership m where m.region_code like '5133%'),
				    (select count(*) from unit_duty_statement d join campaign_unit u on u.id = d.unit_id
				     where u.region_code like '5133%'),
				    (select count(*) from unit_event e join campaign_unit u on u.id = e.unit_id
				     where u.region_code like '5133%'),
				    (select count(*) from stored_file f
				     where f.owner_kind in ('unit-wall', 'unit-duty') and f.region_code like '5133%'))""", String.class);
	}

	private record Attempt(String method, String path, Map<String, String> parameters, String what) {
	}

	/** What was logged so far; the server's threads append while the test reads. */
	private static List<ILoggingEvent> logged(ListAppender<ILoggingEvent> log) {
		synchronized (log) {
			return List.copyOf(log.list);
		}
	}

	/**
	 * The route as the matrix calls it, then each path variable and each parameter made hostile in
	 * turn: a control character and an over-long value always, and {@link #SAMPLE} of the values
	 * its type invites, taken in rotation, so that every value is tried on many routes without
	 * trying every value on every parameter.
	 */
	private List<Attempt> attempts(String route, Map<String, Class<?>> parameters, Map<String, String> own,
			Map<String, String> foreign) {
		var attempts = new ArrayList<Attempt>();
		var method = route.substring(0, route.indexOf(' '));
		var pattern = route.substring(route.indexOf(' ') + 1);
		var base = AuthorizationMatrixTests.parameters(route, own);
		var ownPath = AuthorizationMatrixTests.path(route, own);
		attempts.add(new Attempt(method, ownPath, base, "as the matrix calls it"));
		var variables = PATH_VARIABLE.matcher(pattern);
		while (variables.find()) {
			var variable = variables.group();
			var kind = variable.equals("{code}") ? "code"
					: variable.equals("{id}") ? AuthorizationMatrixTests.idKind(pattern) : variables.group(1);
			var ownValue = own.get(kind);
			var invited = new ArrayList<String>(PATH_SEGMENTS);
			NUMBERS.forEach(number -> invited.add(encode(number)));
			invited.add(ownValue + "%00");
			invited.add(ownValue + "%2F");
			invited.add(ownValue + "%20");
			var values = new ArrayList<String>(
					List.of(encode(LONG.substring(0, 2000)), foreign.getOrDefault(kind, ownValue)));
			values.addAll(sample(invited, SAMPLE + 2));
			for (var value : values) {
				var start = pattern.indexOf(variable);
				var path = fill(pattern.substring(0, start), pattern, own) + value
						+ fill(pattern.substring(start + variable.length()), pattern, own);
				attempts.add(new Attempt(method, path, base, variable + "=" + shortly(value)));
			}
		}
		parameters.forEach((name, type) -> {
			var invited = new ArrayList<String>();
			if (!type.equals(String.class) || base.containsKey(name) || name.endsWith("Id") || name.endsWith("Code")
					|| name.equals("region") || name.equals("page") || name.equals("version")) {
				invited.addAll(NUMBERS);
			}
			var kind = name.replaceAll("Id$", "");
			if (foreign.containsKey(kind) && !name.equals("version")) {
				invited.add(foreign.get(kind));
			}
			if (name.endsWith("Code") || name.equals("region") || name.equals("code")) {
				invited.addAll(List.of(foreign.get("code"), "513301%", "5133_1", "51332210"));
			}
			var values = new ArrayList<String>(List.of(sample(ANY_TEXT, 1).get(0), LONG));
			values.addAll(sample(invited, SAMPLE));
			for (var value : values) {
				var fields = new LinkedHashMap<>(base);
				fields.put(name, value);
				attempts.add(new Attempt(method, ownPath, fields, name + "=" + shortly(value)));
			}
		});
		return attempts;
	}

	/** A new township of {@code county} for this test alone (codes 9xx are free in the demo data). */
	private String township(String county) {
		return TestRegions.township(jdbc, county, "模糊测试乡");
	}

	/** A part of the route's pattern with the own county's records in its other variables. */
	private static String fill(String part, String pattern, Map<String, String> own) {
		return AuthorizationMatrixTests.path("GET " + pattern.substring(0, pattern.indexOf('/', 1)) + part, own)
			.substring(pattern.indexOf('/', 1));
	}

	/** The next {@code count} of {@code values}, continuing where the last call left off. */
	private List<String> sample(List<String> values, int count) {
		var chosen = new ArrayList<String>();
		for (int i = 0; i < Math.min(count, values.size()); i++) {
			chosen.add(values.get(rotation++ % values.size()));
		}
		return chosen;
	}

	/**
	 * Each route with what its controller method reads by name: {@code @RequestParam}s and the
	 * fields of a form or query record it binds.
	 */
	private Map<String, Map<String, Class<?>>> routes() {
		var routes = new LinkedHashMap<String, Map<String, Class<?>>>();
		var names = new DefaultParameterNameDiscoverer();
		mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
			if (!handler.getBeanType().getPackageName().startsWith("org.pomegranate")) {
				return;
			}
			var parameters = new LinkedHashMap<String, Class<?>>();
			for (var parameter : handler.getMethodParameters()) {
				parameter.initParameterNameDiscovery(names);
				var type = parameter.getParameterType();
				var requestParam = parameter.getParameterAnnotation(RequestParam.class);
				if (requestParam != null) {
					var name = !requestParam.name().isEmpty() ? requestParam.name() : parameter.getParameterName();
					if (name != null && !MultipartFile.class.isAssignableFrom(type) && !List.class.isAssignableFrom(type)) {
						parameters.put(name, type);
					}
				}
				else if (type.isRecord() && (parameter.hasParameterAnnotation(ModelAttribute.class)
						|| type.getPackageName().startsWith("org.pomegranate"))) {
					for (RecordComponent component : type.getRecordComponents()) {
						parameters.put(component.getName(), simple(component.getType()));
					}
				}
			}
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					routes.put(method.name() + " " + pattern, parameters);
				}
			}
		});
		routes.put("GET /error", Map.of());
		assertThat(routes.keySet()).containsAll(AuthorizationMatrixTests.routes(mappings));
		return routes;
	}

	/** What a field's values are tried as: a text, or something that must parse (a number, a date, a choice). */
	private static Class<?> simple(Class<?> type) {
		return type.equals(String.class) ? String.class
				: Number.class.isAssignableFrom(type) || type.isPrimitive() || type.isEnum() || type.equals(LocalDate.class)
						|| type.equals(UUID.class) || type.equals(Boolean.class) ? Long.class : String.class;
	}

	private static String describe(String who, Attempt attempt, HttpResponse<String> response) {
		return who + " " + attempt.method() + " " + shortly(attempt.path()) + " [" + attempt.what() + "] → " + response.statusCode();
	}

	private static String shortly(@Nullable String value) {
		if (value == null) {
			return "null";
		}
		var visible = value.replace("\0", "\\0").replace("\u0001", "\\1");
		return visible.length() > 60 ? visible.substring(0, 20) + "…(" + visible.length() + ")" : visible;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
