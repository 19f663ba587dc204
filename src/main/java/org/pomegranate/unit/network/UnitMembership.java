package org.pomegranate.unit.network;

import java.time.Instant;
import java.time.LocalDate;

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
import org.pomegranate.shared.RegionScoped;

/**
 * A cadre in a unit with a role, from the day they joined; leaving marks the row with the date and
 * the reason and keeps it (调整充实: the history of who served). A new role is a new row.
 */
@Entity
@Table(name = "unit_membership")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class UnitMembership implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long unitId;

	private Long cadreId;

	@Enumerated(EnumType.STRING)
	private MemberRole role;

	/** The unit's region, copied, so that figures count a subtree without a join. */
	private String regionCode;

	private LocalDate joinedOn;

	private @Nullable LocalDate leftOn;

	private @Nullable String leftReason;

	private String createdBy;

	private Instant createdAt;

	@Version
	private long version;

	UnitMembership(CampaignUnit unit, long cadreId, MemberRole role, LocalDate joinedOn, String createdBy) {
		this.unitId = unit.getId();
		this.regionCode = unit.getRegionCode();
		this.cadreId = cadreId;
		this.role = role;
		this.joinedOn = joinedOn;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
	}

	public boolean isActive() {
		return leftOn == null;
	}

	void leave(LocalDate on, String reason) {
		if (leftOn != null) {
			throw new BusinessRuleException("unit.member.error.alreadyLeft");
		}
		if (on.isBefore(joinedOn)) {
			throw new BusinessRuleException("unit.member.error.leftBeforeJoined");
		}
		this.leftOn = on;
		this.leftReason = reason;
	}

	/** The unit moved to another region: its members' rows follow it. */
	void movedTo(String regionCode) {
		this.regionCode = regionCode;
	}

}
