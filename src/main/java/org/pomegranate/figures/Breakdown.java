package org.pomegranate.figures;

import java.util.List;

/**
 * A figure of the period split into named parts, for the dashboard's pie (the petitions by
 * category today). The parts add up to the figure.
 */
public record Breakdown(String key, List<Part> parts) {

	public Breakdown {
		parts = List.copyOf(parts);
	}

	public record Part(String name, long value) {
	}

}
