package org.pomegranate.petition.settings;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

/**
 * A category of petitions (就业, 医疗 …) with its time limits: days to accept and days to close,
 * counted from the day a petition is received.
 */
@Entity
@Table(name = "petition_category")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class PetitionCategory {

	public static final int DEFAULT_ACCEPT_DAYS = 3;

	public static final int DEFAULT_CLOSE_DAYS = 15;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	private int acceptDays;

	private int closeDays;

	private int sortOrder;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	PetitionCategory(String name, int acceptDays, int closeDays, int sortOrder) {
		this.createdAt = Instant.now();
		change(name, acceptDays, closeDays, sortOrder, true);
	}

	void change(String name, int acceptDays, int closeDays, int sortOrder, boolean active) {
		this.name = name;
		this.acceptDays = acceptDays;
		this.closeDays = closeDays;
		this.sortOrder = sortOrder;
		this.active = active;
		this.updatedAt = Instant.now();
	}

}
