package org.pomegranate.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code db/TALLIES.md} against the database it describes: every trigger of the schema is listed
 * as it fires, and nothing listed is missing; every tally has the key and counts it says, is
 * written by the trigger functions it names, read by the Java classes it names (and no other) and
 * held to the rows by the test it names; and {@code recount_tallies()} rebuilds each of them to
 * exactly what the triggers kept.
 */
@IntegrationTest
class TalliesDocumentTests {

	private static final Pattern TALLY_WRITE = Pattern.compile("insert into (\\w+) as t \\(");

	@Autowired
	JdbcTemplate jdbc;

	private final List<Tally> tallies = tallies();

	@Test
	void everyTriggerIsDocumentedAsItFiresAndEveryDocumentedOneExists() {
		var documented = rows("## The triggers").stream()
			.map(cells -> String.join(" | ", cells.subList(0, 4)))
			.collect(Collectors.toCollection(TreeSet::new));
		var actual = new TreeSet<>(jdbc.queryForList("""
				select concat_ws(' | ', t.tgname, c.relname, concat_ws(', ',
				           concat_ws(' ', case when t.tgtype & 2 <> 0 then 'before' when t.tgtype & 64 <> 0 then 'instead of'
				                               else 'after' end,
				                     concat_ws(' or ', case when t.tgtype & 4 <> 0 then 'insert' end,
				                               case when t.tgtype & 16 <> 0 then 'update' || coalesce(' of ' || (
				                                   select string_agg(a.attname, ', ' order by a.attnum) from pg_attribute a
				                                   where a.attrelid = t.tgrelid and a.attnum = any (t.tgattr)), '') end,
				                               case when t.tgtype & 8 <> 0 then 'delete' end,
				                               case when t.tgtype & 32 <> 0 then 'truncate' end)),
				           case when t.tgtype & 1 <> 0 then 'per row' else 'per statement' end), t.tgfoid::regproc::text)
				from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
				where not t.tgisinternal and n.nspname = current_schema()""", String.class));
		assertThat(difference(actual, documented)).as("triggers in the database that TALLIES.md does not list").isEmpty();
		assertThat(difference(documented, actual)).as("triggers TALLIES.md lists that the database lacks").isEmpty();
	}

	@Test
	void everyTallyHasTheDocumentedKeyAndCountsAndIsWrittenByTheDocumentedTriggers() {
		var writers = new HashMap<String, Set<String>>();
		var triggerFunctions = new HashSet<String>();
		for (var function : jdbc.queryForList("""
				select distinct p.proname, p.prosrc from pg_trigger t join pg_proc p on p.oid = t.tgfoid
				where not t.tgisinternal""")) {
			var name = (String) function.get("proname");
			triggerFunctions.add(name);
			var writes = TALLY_WRITE.matcher((String) function.get("prosrc"));
			while (writes.find()) {
				writers.computeIfAbsent(writes.group(1), k -> new TreeSet<>()).add(name);
			}
		}
		assertThat(writers.keySet()).as("tables the trigger functions add counts to")
			.containsExactlyInAnyOrderElementsOf(tallies.stream().map(Tally::table).toList());
		for (var tally : tallies) {
			var columns = jdbc.queryForList("""
					select a.attname, array_position(i.indkey::int2[], a.attnum) is not null as key
					from pg_attribute a join pg_index i on i.indrelid = a.attrelid and i.indisprimary
					where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped
					order by array_position(i.indkey::int2[], a.attnum) nulls last, a.attnum""", tally.table());
			assertThat(columns.stream().filter(c -> (Boolean) c.get("key")).map(c -> (String) c.get("attname")))
				.as(tally.table() + " key").containsExactlyElementsOf(tally.key());
			assertThat(columns.stream().filter(c -> !(Boolean) c.get("key")).map(c -> (String) c.get("attname")))
				.as(tally.table() + " counts").containsExactlyElementsOf(tally.counts());
			assertThat(tally.keptBy()).as(tally.table() + " kept by").containsAll(writers.get(tally.table()));
			assertThat(triggerFunctions).as(tally.table() + " kept by trigger functions").containsAll(tally.keptBy());
		}
	}

	/** A reader named is a main class that mentions the table; a class that mentions it is named. */
	@Test
	void eachTallyIsReadByTheDocumentedClassesAndHeldToTheRowsByTheDocumentedTest() {
		var main = sources(Path.of("src/main/java"));
		var tests = sources(Path.of("src/test/java"));
		for (var tally : tallies) {
			var mention = Pattern.compile("\\b" + tally.table() + "\\b");
			var readers = main.entrySet().stream().filter(source -> mention.matcher(source.getValue()).find())
				.map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
			assertThat(readers).as(tally.table() + " readers").containsExactlyInAnyOrderElementsOf(tally.readers());
			var test = tally.test().split("\\.");
			assertThat(tests).as(tally.test()).containsKey(test[0]);
			assertThat(tests.get(test[0])).as(tally.test()).contains("void " + test[1] + "(");
			assertThat(mention.matcher(tests.get(test[0])).find()).as(tally.test() + " compares " + tally.table()).isTrue();
		}
	}

	/** Each tally is spoiled, counted again, and back to exactly what the triggers had kept. */
	@Test
	void recountTalliesRebuildsEveryDocumentedTallyToWhatTheTriggersKept() {
		var kept = new TreeMap<String, List<String>>();
		for (var tally : tallies) {
			kept.put(tally.table(), contents(tally));
		}
		for (var tally : tallies) {
			var measure = tally.counts().get(0);
			jdbc.update("update " + tally.table() + " set " + measure + " = " + measure + " + 1");
		}
		jdbc.queryForList("select recount_tallies()");
		for (var tally : tallies) {
			assertThat(contents(tally)).as(tally.table()).containsExactlyElementsOf(kept.get(tally.table()));
		}
	}

	/** The rows of a tally that count something, in key order. */
	private List<String> contents(Tally tally) {
		var counts = tally.counts().stream().map(c -> c + " <> 0").collect(Collectors.joining(" or "));
		return jdbc.queryForList("select * from " + tally.table() + " where " + counts + " order by "
				+ String.join(", ", tally.key())).stream().map(row -> row.values().toString()).toList();
	}

	private record Tally(String table, List<String> key, List<String> counts, List<String> keptBy,
			List<String> readers, String test) {
	}

	private static List<Tally> tallies() {
		return rows("## The tallies").stream()
			.map(cells -> new Tally(cells.get(0), list(cells.get(1)), list(cells.get(2)), list(cells.get(4)),
					cells.get(5).equals("none") ? List.of() : list(cells.get(5)), cells.get(6)))
			.toList();
	}

	private static List<String> list(String cell) {
		return Arrays.stream(cell.split(",")).map(String::strip).toList();
	}

	/** The cells of the table under {@code heading}, backticks dropped, header and rule skipped. */
	private static List<List<String>> rows(String heading) {
		var lines = document().lines().toList();
		int start = lines.indexOf(heading);
		assertThat(start).as("TALLIES.md has " + heading).isNotNegative();
		var rows = new ArrayList<List<String>>();
		var table = lines.stream().skip(start + 1).dropWhile(line -> !line.startsWith("|"))
			.takeWhile(line -> line.startsWith("|")).skip(2).toList();
		for (var line : table) {
			var cells = line.substring(1, line.length() - 1).split("\\|");
			rows.add(Arrays.stream(cells).map(cell -> cell.replace("`", "").strip()).toList());
		}
		return rows;
	}

	private static String document() {
		try {
			return new ClassPathResource("db/TALLIES.md").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The Java sources below {@code root}, by simple class name. */
	private static Map<String, String> sources(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			var sources = new HashMap<String, String>();
			for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				sources.put(file.getFileName().toString().replace(".java", ""), Files.readString(file));
			}
			return sources;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Set<String> difference(Set<String> left, Set<String> right) {
		var rest = new TreeSet<>(left);
		rest.removeAll(right);
		return rest;
	}

}
