package org.pomegranate.pairing.household;

import org.pomegranate.pairing.program.PairingRules;
import org.pomegranate.pairing.program.PairingService;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.Region;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfer requests (迁移申请) once sent by {@link HouseholdService#create}: the admins of the
 * lowest region covering both regions list them, open one and approve the move (the household
 * goes to the requested village, its active pairings end) or refuse it with a reason. A requester
 * reads the state of their own requests and nothing else.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasRole('ADMIN')")
public class HouseholdTransfers {

	private static final int DECIDED_SHOWN = 50;

	private final HouseholdTransferRepository transfers;

	private final HouseholdRepository households;

	private final PairingService pairings;

	private final RegionService regions;

	private final RegionScope scope;

	private final AuditLog auditLog;

	private final MessageSource messages;

	HouseholdTransfers(HouseholdTransferRepository transfers, HouseholdRepository households, PairingService pairings,
			RegionService regions, RegionScope scope, AuditLog auditLog, MessageSource messages) {
		this.transfers = transfers;
		this.households = households;
		this.pairings = pairings;
		this.regions = regions;
		this.scope = scope;
		this.auditLog = auditLog;
		this.messages = messages;
	}

	/** The requests waiting for a decision in the admin's scope, oldest first. */
	public List<HouseholdTransfer> open() {
		return transfers.findAll(scope.<HouseholdTransfer>specification().and(inState(true)),
				Sort.by(HouseholdTransfer_.CREATED_AT, HouseholdTransfer_.ID));
	}

	/** The latest decided requests in the admin's scope. */
	public List<HouseholdTransfer> recentlyDecided() {
		return transfers.findAll(scope.<HouseholdTransfer>specification().and(inState(false)),
				PageRequest.of(0, DECIDED_SHOWN, Sort.by(Sort.Direction.DESC, HouseholdTransfer_.DECIDED_AT, HouseholdTransfer_.ID)))
			.getContent();
	}

	public HouseholdTransfer get(long id) {
		return scope.check(transfers.findById(id), HouseholdService.TRANSFER, id);
	}

	/** The household asked for, masked as everywhere: the admin's scope covers both regions. */
	public Household householdOf(HouseholdTransfer transfer) {
		return scope.check(households.findById(transfer.getHouseholdId()), HouseholdService.ENTITY, transfer.getHouseholdId());
	}

	/**
	 * Approves the move: the household goes to the requested village (its pairings' and visits'
	 * copies of the region follow, trigger {@code household_takes_pairings_along}), and its active
	 * pairings end first with the reason given, since its programs need not reach the new village.
	 * The household's other open requests are refused with a reason: it has moved. A request for a
	 * household no longer where it was asked from is refused so (committed) instead of moving it.
	 */
	@Transactional(noRollbackFor = TransferOutdatedException.class)
	public HouseholdTransfer approve(long id, long version, String endReason) {
		var transfer = get(id);
		StaleEdits.requireVersion(transfer.getVersion(), version, HouseholdService.TRANSFER, id);
		var household = householdOf(transfer);
		if (transfer.isOpen() && !household.getRegionCode().equals(transfer.getFromRegionCode())) {
			transfer.refuse(scope.currentUsername(), reason("transfer.outdated.reason"));
			transfers.saveAndFlush(transfer);
			auditLog.record(AuditAction.TRANSFER_REFUSE, HouseholdService.TRANSFER, id,
					reason("transfer.outdated.reason"));
			throw new TransferOutdatedException();
		}
		var village = regions.find(transfer.getToRegionCode()).filter(region -> !region.isRetired());
		if (transfer.isOpen() && village.isEmpty()) {
			throw new BusinessRuleException("transfer.error.villageRetired");
		}
		transfer.approve(scope.currentUsername());
		int ended = pairings.endForTransfer(household.getId(), endReason);
		household.moveTo(village.map(Region::getCode).orElseThrow());
		households.saveAndFlush(household);
		transfers.saveAndFlush(transfer);
		auditLog.record(AuditAction.TRANSFER_APPROVE, HouseholdService.TRANSFER, id, household.getHeadName() + " "
				+ transfer.getFromRegionCode() + " → " + transfer.getToRegionCode() + "，结束结对 " + ended + " 个");
		var moved = reason("transfer.superseded.reason");
		for (var other : transfers.findByHouseholdIdAndStateAndIdNot(household.getId(), TransferState.SENT, id)) {
			other.refuse(scope.currentUsername(), moved);
			transfers.saveAndFlush(other);
			auditLog.record(AuditAction.TRANSFER_REFUSE, HouseholdService.TRANSFER, other.getId(), moved);
		}
		return transfer;
	}

	@Transactional
	public HouseholdTransfer refuse(long id, long version, @Nullable String reason) {
		var transfer = get(id);
		StaleEdits.requireVersion(transfer.getVersion(), version, HouseholdService.TRANSFER, id);
		var why = PairingRules.clean(reason);
		if (why == null || PairingRules.tooLong(why, 200) || FormText.hasControlCharacters(why, false)) {
			throw new BusinessRuleException("transfer.error.reason");
		}
		transfer.refuse(scope.currentUsername(), why);
		transfers.saveAndFlush(transfer);
		auditLog.record(AuditAction.TRANSFER_REFUSE, HouseholdService.TRANSFER, id, why);
		return transfer;
	}

	/** The signed-in user's own requests: when, the name they typed, the village they asked for, and the state. */
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public List<SentTransfer> mine() {
		return transfers.findTop100ByRequestedByOrderByCreatedAtDescIdDesc(scope.currentUsername())
			.stream()
			.map(t -> new SentTransfer(t.getCreatedAt(), t.getRequestedHeadName(), t.getToRegionCode(), t.getState()))
			.toList();
	}

	/** What a requester learns of their request: nothing of the household's region or of who decided. */
	public record SentTransfer(Instant requestedAt, String headName, String toRegionCode, TransferState state) {
	}

	/** A reason the system gives a decision, stored in Chinese: requester and admins read the same record. */
	private String reason(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	private static Specification<HouseholdTransfer> inState(boolean open) {
		return (root, query, cb) -> open ? cb.equal(root.get(HouseholdTransfer_.state), TransferState.SENT)
				: cb.notEqual(root.get(HouseholdTransfer_.state), TransferState.SENT);
	}

}
