package org.pomegranate.petition.loop;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionLevel;

/**
 * Region codes as paths: the ancestors of a code, and the region directly above one.
 */
public final class Regions {

	private Regions() {
	}

	/** The code itself and every code above it, province first. */
	public static List<String> ancestorsOf(String code) {
		var codes = new ArrayList<String>();
		for (var level : RegionLevel.values()) {
			if (level.codeLength() <= code.length()) {
				codes.add(code.substring(0, level.codeLength()));
			}
		}
		return codes;
	}

	/** The region directly above {@code code}, or null for a province. */
	public static @Nullable String parentOf(String code) {
		String parent = null;
		for (var level : RegionLevel.values()) {
			if (level.codeLength() < code.length()) {
				parent = code.substring(0, level.codeLength());
			}
		}
		return parent;
	}

}
