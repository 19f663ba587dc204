package org.pomegranate.supervision.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.RegionScoped;

/**
 * An inspection (督查) issued by a region: its kind, days, team and targets, and the indicator
 * articles or tasks it checks (plain ids). Its findings are {@link Finding}s.
 */
@Entity
@Table(name = "inspection")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Inspection implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private UUID submissionToken;

	/** The issuing region. */
	private String regionCode;

	@Enumerated(EnumType.STRING)
	private InspectionKind kind;

	private String title;

	private LocalDate startsOn;

	private LocalDate endsOn;

	/** The title (命名) a 回访抽查 checks, when linked. */
	private @Nullable Long namingId;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "bigint[]")
	private List<Long> articleIds = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(columnDefinition = "bigint[]")
	private List<Long> taskIds = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "inspection_member", joinColumns = @JoinColumn(name = "inspection_id"))
	private List<TeamMember> team = new ArrayList<>();

	@ElementCollection
	@CollectionTable(name = "inspection_target", joinColumns = @JoinColumn(name = "inspection_id"))
	private List<Target> targets = new ArrayList<>();

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	Inspection(UUID submissionToken, String regionCode, Content content, String createdBy) {
		this.submissionToken = submissionToken;
		this.regionCode = regionCode;
		apply(content);
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	/** What the form sets: kind, title, days, the title and articles and tasks it checks, team and targets. */
	record Content(InspectionKind kind, String title, LocalDate startsOn, LocalDate endsOn, @Nullable Long namingId,
			List<Long> articleIds, List<Long> taskIds, List<TeamMember> team, List<Target> targets) {
	}

	/**
	 * Changes what the form sets; {@link Inspections#edit} refuses it once a rectification of its
	 * findings is verified, and keeps every target that has findings.
	 */
	void edit(Content content) {
		apply(content);
	}

	private void apply(Content content) {
		this.kind = content.kind();
		this.title = content.title();
		this.startsOn = content.startsOn();
		this.endsOn = content.endsOn();
		this.namingId = content.namingId();
		this.articleIds = new ArrayList<>(content.articleIds());
		this.taskIds = new ArrayList<>(content.taskIds());
		this.team.clear();
		this.team.addAll(content.team());
		this.targets.clear();
		this.targets.addAll(content.targets());
	}

	/** The target in {@code regionCode} (and of {@code unitId}, when a unit), if the inspection has it. */
	public Optional<Target> target(String regionCode, @Nullable Long unitId) {
		return targets.stream()
			.filter(t -> t.getRegionCode().equals(regionCode) && Objects.equals(t.getUnitId(), unitId))
			.findFirst();
	}

	/** A member of the team: a user of the system (with a username) or an outside member by name. */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class TeamMember {

		private @Nullable String username;

		private String name;

		public TeamMember(@Nullable String username, String name) {
			this.username = username;
			this.name = name;
		}

	}

	/** A region or a campaign unit (with its region) the inspection looks at. */
	@Embeddable
	@Getter
	@NoArgsConstructor(access = AccessLevel.PROTECTED)
	public static class Target {

		private String regionCode;

		private @Nullable Long unitId;

		private String name;

		public Target(String regionCode, @Nullable Long unitId, String name) {
			this.regionCode = regionCode;
			this.unitId = unitId;
			this.name = name;
		}

		/** How a form names this target: the region code, or {@code u} and the unit's id. */
		public String key() {
			return unitId == null ? regionCode : "u" + unitId;
		}

	}

}
