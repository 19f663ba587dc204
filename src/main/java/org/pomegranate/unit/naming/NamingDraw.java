package org.pomegranate.unit.naming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * 回访抽查: a draw of {@code sharePercent} % of the valid titles an issuing region had named, on the
 * draw day. The population (in id order) and the seed are kept, so anyone can repeat it:
 * {@link #select} shuffles the population with {@code new Random(seed)} and takes the first
 * ⌈n × share / 100⌉.
 */
@Entity
@Table(name = "naming_draw")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class NamingDraw {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String issuerRegionCode;

	private int year;

	private int sharePercent;

	private long seed;

	private int population;

	private String populationIds;

	private int drawn;

	private LocalDate drawnOn;

	private String drawnBy;

	private Instant createdAt;

	NamingDraw(String issuerRegionCode, int sharePercent, long seed, List<Long> population, LocalDate drawnOn,
			String drawnBy) {
		this.issuerRegionCode = issuerRegionCode;
		this.year = drawnOn.getYear();
		this.sharePercent = sharePercent;
		this.seed = seed;
		var ordered = population.stream().sorted().toList();
		this.population = ordered.size();
		this.populationIds = ordered.stream().map(String::valueOf).collect(Collectors.joining(","));
		this.drawn = select(ordered, seed, sharePercent).size();
		this.drawnOn = drawnOn;
		this.drawnBy = drawnBy;
		this.createdAt = Instant.now();
	}

	/** The titles of the population, in id order. */
	public List<Long> populationIds() {
		return populationIds.isEmpty() ? List.of()
				: Arrays.stream(populationIds.split(",")).map(Long::valueOf).toList();
	}

	/** The titles this draw chose, worked out again from its population and seed. */
	public List<Long> recompute() {
		return select(populationIds(), seed, sharePercent);
	}

	/** The draw's rule: the population in id order, shuffled with {@code new Random(seed)}, first ⌈n × share / 100⌉. */
	public static List<Long> select(List<Long> population, long seed, int sharePercent) {
		var shuffled = new ArrayList<>(population.stream().sorted().toList());
		Collections.shuffle(shuffled, new Random(seed));
		int count = (int) Math.ceil(shuffled.size() * sharePercent / 100.0);
		return List.copyOf(shuffled.subList(0, count));
	}

}
