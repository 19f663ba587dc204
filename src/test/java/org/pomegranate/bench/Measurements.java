package org.pomegranate.bench;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Requests pages through the whole web stack (security, scope, controller, template) in process,
 * and reports p50, p95 and max server time per page, and the p50 of the time spent executing SQL
 * ({@link SqlTimer}) with the ratio of the two. {@code -Dbench.only=prefix} measures only the pages
 * whose label starts with it.
 */
final class Measurements {

	private static final Logger log = LoggerFactory.getLogger(Measurements.class);

	/** Requests before measuring: the JIT compiles the hot paths, as on a server that has run for a while. */
	static final int WARM_UP = 20;

	static final int RUNS = Integer.getInteger("bench.runs", 40);

	private Measurements() {
	}

	/** Measures each labelled path and writes the table to {@code target/<file>}; returns it too. */
	static String measure(MockMvc mvc, RequestPostProcessor user, Map<String, String> requests, String file,
			Map<String, Long> data) throws Exception {
		var asUser = new LinkedHashMap<String, Request>();
		requests.forEach((label, path) -> asUser.put(label, new Request(path, user)));
		return measure(mvc, asUser, file, data);
	}

	/** Measures each labelled path, each as its own user, and writes the table to {@code target/<file>}; returns it too. */
	static String measure(MockMvc mvc, Map<String, Request> requests, String file, Map<String, Long> data)
			throws Exception {
		var only = System.getProperty("bench.only", "");
		var report = new StringBuilder();
		report.append(String.format("%-52s %8s %8s %8s %8s %6s%n", "request", "p50 ms", "p95 ms", "max ms", "SQL ms",
				"ratio"));
		for (var request : requests.entrySet()) {
			if (!request.getKey().startsWith(only)) {
				continue;
			}
			var millis = new ArrayList<Double>();
			var sqlMillis = new ArrayList<Double>();
			for (int run = 0; run < WARM_UP + RUNS; run++) {
				SqlTimer.reset();
				long start = System.nanoTime();
				var response = mvc.perform(get(request.getValue().path()).with(request.getValue().user()))
					.andReturn()
					.getResponse();
				double elapsed = (System.nanoTime() - start) / 1e6;
				if (response.getStatus() != 200) {
					throw new IllegalStateException(request.getValue().path() + " answered " + response.getStatus());
				}
				if (run >= WARM_UP) {
					millis.add(elapsed);
					sqlMillis.add(SqlTimer.millis());
				}
			}
			var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			var sql = sqlMillis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			report.append(String.format("%-52s %8.1f %8.1f %8.1f %8.1f %6.1f%n", request.getKey(), percentile(sorted, 50),
					percentile(sorted, 95), sorted[sorted.length - 1], percentile(sql, 50),
					percentile(sorted, 50) / Math.max(percentile(sql, 50), 0.001)));
		}
		report.append(String.format("data: %s%n", data));
		log.info("{} runs after {} warm-ups:\n{}", RUNS, WARM_UP, report);
		write(file, report.toString());
		return report.toString();
	}

	/** A page to request, and the user who requests it. */
	record Request(String path, RequestPostProcessor user) {
	}

	static void write(String file, String text) throws IOException {
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", file), text);
		System.out.println(text);
	}

	static double percentile(double[] sorted, int percent) {
		int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
	}

}
