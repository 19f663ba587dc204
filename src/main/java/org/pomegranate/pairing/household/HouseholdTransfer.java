package org.pomegranate.pairing.household;

import java.time.Instant;

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
 * A transfer request (迁移申请): a user registered an ID number that is a household of a region
 * outside their scope, asking for it to move to their village. It is in scope of the lowest region
 * covering both ({@link #getRegionCode()}), whose admins approve or refuse it; the requester sees
 * its state only. Inserted by {@link HouseholdTransferRepository#send}.
 */
@Entity
@Table(name = "household_transfer")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class HouseholdTransfer implements RegionScoped {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long householdId;

	/** The lowest region covering both the household's and the requested one: who decides. */
	private String regionCode;

	private String fromRegionCode;

	private String toRegionCode;

	private String requestedHeadName;

	private String requestedBy;

	@Enumerated(EnumType.STRING)
	private TransferState state;

	private @Nullable String decidedBy;

	private @Nullable Instant decidedAt;

	private @Nullable String decisionReason;

	private Instant createdAt;

	@Version
	private long version;

	public boolean isOpen() {
		return state == TransferState.SENT;
	}

	void approve(String by) {
		requireOpen();
		this.state = TransferState.APPROVED;
		this.decidedBy = by;
		this.decidedAt = Instant.now();
	}

	void refuse(String by, String reason) {
		requireOpen();
		this.state = TransferState.REFUSED;
		this.decidedBy = by;
		this.decidedAt = Instant.now();
		this.decisionReason = reason;
	}

	private void requireOpen() {
		if (!isOpen()) {
			throw new BusinessRuleException("transfer.error.decided");
		}
	}

}
