package org.pomegranate.unit.network;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScoped;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A campaign unit (创建单位), among them the 石榴籽 work network's centres, studios and teams. Its
 * workflow is here: each change first asks {@link #refusal} whether it may be made, so a merged
 * (已撤并) unit is edited, merged, joined or given children by no request, whatever it says. Saved
 * after a move to another region it publishes {@link UnitMoved}, after a merge {@link UnitMerged}.
 */
@Entity
@Table(name = "campaign_unit")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CampaignUnit extends AbstractAggregateRoot<CampaignUnit> implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Enumerated(EnumType.STRING)
	private UnitKind kind;

	private String regionCode;

	private @Nullable Long parentId;

	private @Nullable String creditCode;

	private @Nullable String address;

	private @Nullable String personInCharge;

	private @Nullable String phone;

	private @Nullable LocalDate foundedOn;

	@Enumerated(EnumType.STRING)
	private UnitState state;

	private @Nullable LocalDate mergedOn;

	private @Nullable String mergedReason;

	private @Nullable LocalDate wallPostedOn;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	CampaignUnit(UnitDetails details, String createdBy) {
		this.state = UnitState.ACTIVE;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		apply(details);
	}

	/**
	 * Why {@code action} may not be taken now (a message key), or empty when it may. Only an active
	 * (在册) unit changes; what it has recorded stays readable.
	 */
	public Optional<String> refusal(UnitAction action) {
		if (state == UnitState.MERGED) {
			return Optional.of("unit.refused.merged." + action.name());
		}
		return Optional.empty();
	}

	public boolean may(UnitAction action) {
		return refusal(action).isEmpty();
	}

	private void require(UnitAction action) {
		var refused = refusal(action);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	void edit(UnitDetails details) {
		require(UnitAction.EDIT);
		if (!regionCode.equals(details.regionCode())) {
			registerEvent(new UnitMoved(id, regionCode, details.regionCode()));
		}
		apply(details);
	}

	/** 已撤并: marked with the date and the reason, never deleted; its credit code is free for another unit. */
	void merge(LocalDate on, String reason) {
		require(UnitAction.MERGE);
		this.state = UnitState.MERGED;
		this.mergedOn = on;
		this.mergedReason = reason;
		this.updatedAt = Instant.now();
		registerEvent(new UnitMerged(id, on, reason));
	}

	/** A photo of the duty statement on the wall was stored: the first one marks 规程上墙 done. Returns whether it was the first. */
	boolean wallPhotoStored(LocalDate on) {
		require(UnitAction.ADD_WALL_PHOTO);
		this.updatedAt = Instant.now();
		if (wallPostedOn == null) {
			this.wallPostedOn = on;
			return true;
		}
		return false;
	}

	private void apply(UnitDetails details) {
		this.name = details.name();
		this.kind = details.kind();
		this.regionCode = details.regionCode();
		this.parentId = details.parentId();
		this.creditCode = details.creditCode();
		this.address = details.address();
		this.personInCharge = details.personInCharge();
		this.phone = details.phone();
		this.foundedOn = details.foundedOn();
		this.updatedAt = Instant.now();
	}

	/**
	 * Why a unit of {@code kind} in {@code regionCode} may not hang under {@code parent} (a message
	 * key), or empty when it may: a 工作室 under a 工作中心, a 工作队 under a 工作室, a 工作中心 under
	 * the 工作中心 of a region above; any other kind under any unit; always inside the parent's
	 * region subtree, and never under a merged unit.
	 */
	public static Optional<String> nestingProblem(UnitKind kind, String regionCode, CampaignUnit parent) {
		var required = switch (kind) {
			case WORK_STUDIO -> UnitKind.WORK_CENTRE;
			case WORK_TEAM -> UnitKind.WORK_STUDIO;
			case WORK_CENTRE -> UnitKind.WORK_CENTRE;
			default -> null;
		};
		if (required != null && parent.getKind() != required) {
			return Optional.of("unit.error.parentKind." + kind.name());
		}
		var parentRegion = RegionCode.of(parent.getRegionCode());
		var region = RegionCode.parse(regionCode);
		if (region.isEmpty() || !parentRegion.covers(region.get())) {
			return Optional.of("unit.error.parentRegion");
		}
		if (kind == UnitKind.WORK_CENTRE && parentRegion.equals(region.get())) {
			return Optional.of("unit.error.parentKind.WORK_CENTRE");
		}
		if (!parent.isActive()) {
			return Optional.of("unit.refused.merged.ADD_CHILD");
		}
		return Optional.empty();
	}

	/** Whether a unit of {@code kind} must hang under a parent: a 工作室 and a 工作队 do. */
	public static boolean needsParent(UnitKind kind) {
		return kind == UnitKind.WORK_STUDIO || kind == UnitKind.WORK_TEAM;
	}

	public boolean isActive() {
		return state == UnitState.ACTIVE;
	}

	public boolean isWallPosted() {
		return wallPostedOn != null;
	}

	public String maskedPhone() {
		return Masking.phone(phone);
	}

}
