package org.pomegranate.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The ethnic groups of GB/T 3304 (table {@code ethnic_group}), in the standard's order, for forms,
 * lists and validation.
 */
@Component
public class EthnicGroups {

	private final JdbcTemplate jdbc;

	private volatile @Nullable Map<String, String> byCode;

	EthnicGroups(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Code → name, 01 汉族 first. */
	public Map<String, String> all() {
		var groups = byCode;
		if (groups == null) {
			var loaded = new LinkedHashMap<String, String>();
			jdbc.query("select code, name from ethnic_group order by code", row -> {
				loaded.put(row.getString(1), row.getString(2));
			});
			groups = Collections.unmodifiableMap(loaded);
			byCode = groups;
		}
		return groups;
	}

	public boolean exists(@Nullable String code) {
		return code != null && all().containsKey(code);
	}

	public String name(@Nullable String code) {
		return code == null ? "" : all().getOrDefault(code, code);
	}

}
