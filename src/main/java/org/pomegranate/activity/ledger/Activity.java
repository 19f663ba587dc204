package org.pomegranate.activity.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScoped;

/**
 * An activity of the ledger (活动台账): what, when, where, who organised and ran it, and how many
 * took part. Its rules are here, so no request breaks them whatever it sends: it ends on or after
 * its first day, the participants by group add up to no more than the total, only an exchange
 * (交往交流交融) has a destination. It has no workflow: it is recorded and corrected.
 */
@Entity
@Table(name = "activity")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Activity implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private ActivityKind kind;

	private String title;

	private LocalDate startedOn;

	private LocalDate endedOn;

	private String regionCode;

	private @Nullable String place;

	private @Nullable String destination;

	private @Nullable Long unitId;

	private int participants;

	private @Nullable Integer cadreParticipants;

	private @Nullable Integer publicParticipants;

	private @Nullable Integer studentParticipants;

	private @Nullable String summary;

	// Loaded with the activity (a list's page in one more query each, SUBSELECT): pages and forms read them after the transaction.
	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "activity_ethnic_group", joinColumns = @JoinColumn(name = "activity_id"))
	@MapKeyColumn(name = "ethnic_code")
	@Column(name = "participants")
	private Map<String, Integer> ethnicGroups = new TreeMap<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@Fetch(FetchMode.SUBSELECT)
	@CollectionTable(name = "activity_cadre", joinColumns = @JoinColumn(name = "activity_id"))
	@Column(name = "cadre_id")
	private Set<Long> cadreIds = new HashSet<>();

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	Activity(ActivityDetails details, String createdBy) {
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		apply(details);
	}

	/** Why these details break an activity's rules (a message key), or empty when they keep them. */
	public static Optional<String> refusal(ActivityDetails details) {
		if (details.endedOn().isBefore(details.startedOn())) {
			return Optional.of("activity.error.endedOn");
		}
		int byGroup = value(details.cadreParticipants()) + value(details.publicParticipants())
				+ value(details.studentParticipants());
		if (byGroup > details.participants()) {
			return Optional.of("activity.error.groups");
		}
		int byEthnicGroup = details.ethnicGroups().values().stream().mapToInt(Integer::intValue).sum();
		if (byEthnicGroup > details.participants()) {
			return Optional.of("activity.error.ethnicGroups");
		}
		if (details.destination() != null && details.kind() != ActivityKind.EXCHANGE) {
			return Optional.of("activity.error.destination");
		}
		return Optional.empty();
	}

	/** Corrects the record: every field as the form now has it. */
	void edit(ActivityDetails details) {
		apply(details);
	}

	/** The participants not counted in any group (干部/群众/学生), shown as 其他. */
	public int participantsOutsideGroups() {
		return participants - value(cadreParticipants) - value(publicParticipants) - value(studentParticipants);
	}

	public boolean countedByGroup() {
		return cadreParticipants != null || publicParticipants != null || studentParticipants != null;
	}

	/** Participants by ethnic group, in the standard's order (01 汉族 first). */
	public Map<String, Integer> ethnicGroupsInOrder() {
		return new TreeMap<>(ethnicGroups);
	}

	/** One day, or several. */
	public boolean severalDays() {
		return endedOn.isAfter(startedOn);
	}

	private void apply(ActivityDetails details) {
		refusal(details).ifPresent(key -> {
			throw new BusinessRuleException(key);
		});
		this.kind = details.kind();
		this.title = details.title();
		this.startedOn = details.startedOn();
		this.endedOn = details.endedOn();
		this.regionCode = details.regionCode();
		this.place = details.place();
		this.destination = details.destination();
		this.unitId = details.unitId();
		this.participants = details.participants();
		this.cadreParticipants = details.cadreParticipants();
		this.publicParticipants = details.publicParticipants();
		this.studentParticipants = details.studentParticipants();
		this.summary = details.summary();
		this.ethnicGroups.clear();
		this.ethnicGroups.putAll(details.ethnicGroups());
		this.cadreIds.clear();
		this.cadreIds.addAll(details.cadreIds());
		this.updatedAt = Instant.now();
	}

	private static int value(@Nullable Integer count) {
		return count == null ? 0 : count;
	}

}
