package org.pomegranate.unit.naming;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.RegionScoped;

/**
 * A demonstration title (命名) and its life: 申报中 → 有效 (or 未予命名) → 复查中 → 有效, 限期整改 or
 * 已撤销; 限期整改 → 有效 or 已撤销; any live title may be revoked; 有效 → 已到期 after its last day,
 * or 已续期 when its renewal is named. Every step is a method here that first asks
 * {@link #refusal} whether this actor may take it now, and returns the history row it makes. The
 * scope goes by {@code holderRegionCode}; the issuing region's people decide.
 */
@Entity
@Table(name = "naming")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class Naming implements RegionScoped {

	private static final Set<Role> DECIDERS = EnumSet.of(Role.ADMIN);

	private static final Set<Role> INSPECTORS = EnumSet.of(Role.SUPERVISOR, Role.ADMIN);

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	private HolderKind holderKind;

	private String holderRegionCode;

	private @Nullable Long unitId;

	private @Nullable Long householdId;

	private String holderName;

	private String title;

	@Enumerated(EnumType.STRING)
	private NamingLevel level;

	private String issuerRegionCode;

	@Enumerated(EnumType.STRING)
	private NamingState state;

	private @Nullable LocalDate reviewFlaggedOn;

	private LocalDate appliedOn;

	private @Nullable String applicationText;

	private @Nullable Long assessmentId;

	private @Nullable Long renewsId;

	private @Nullable Long batchId;

	private @Nullable LocalDate namedOn;

	private @Nullable LocalDate validUntil;

	private @Nullable String decisionNumber;

	private @Nullable LocalDate rectifyBy;

	private @Nullable LocalDate revokedOn;

	private @Nullable String revocationNumber;

	private @Nullable String revocationReason;

	private @Nullable String verificationCode;

	private String createdBy;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	/** An application (申报) for {@code holder}; {@code renewsId} names the title it renews, if any. */
	Naming(Holder holder, String title, NamingLevel level, String issuerRegionCode, LocalDate appliedOn,
			@Nullable String applicationText, @Nullable Long renewsId, String createdBy) {
		this(holder, title, level, issuerRegionCode, appliedOn, applicationText, renewsId, null, createdBy);
	}

	/** An application resting on {@code assessmentId}, a confirmed assessment of the holder that passed. */
	Naming(Holder holder, String title, NamingLevel level, String issuerRegionCode, LocalDate appliedOn,
			@Nullable String applicationText, @Nullable Long renewsId, @Nullable Long assessmentId, String createdBy) {
		this.assessmentId = assessmentId;
		this.holderKind = holder.kind();
		this.holderRegionCode = holder.regionCode();
		this.unitId = holder.unitId();
		this.householdId = holder.householdId();
		this.holderName = holder.name();
		this.title = title;
		this.level = level;
		this.issuerRegionCode = issuerRegionCode;
		this.state = NamingState.APPLIED;
		this.appliedOn = appliedOn;
		this.applicationText = applicationText;
		this.renewsId = renewsId;
		this.createdBy = createdBy;
		this.createdAt = Instant.now();
		this.updatedAt = createdAt;
	}

	@Override
	public String getRegionCode() {
		return holderRegionCode;
	}

	public Holder holder() {
		return new Holder(holderKind, holderRegionCode, unitId, householdId, holderName);
	}

	/** The state as of {@code today}: a live title past its last day reads as 已到期 before the sweep writes it. */
	public NamingState stateOn(LocalDate today) {
		return state.isLive() && validUntil != null && validUntil.isBefore(today) ? NamingState.EXPIRED : state;
	}

	/** Held on {@code day}: named by then, live, and not past its last day. */
	public boolean isLiveOn(LocalDate day) {
		return state.isLive() && namedOn != null && !namedOn.isAfter(day) && validUntil != null && !validUntil.isBefore(day);
	}

	public boolean isFlaggedForReview() {
		return reviewFlaggedOn != null;
	}

	/** Whether a new application may renew this title on {@code day}: only one 有效 or 已到期 then, not one under re-check or rectification. */
	public boolean isRenewableOn(LocalDate day) {
		var current = stateOn(day);
		return current == NamingState.VALID || current == NamingState.EXPIRED;
	}

	/**
	 * Why {@code actor} may not take {@code action} now, as a message key; empty when they may. The
	 * page offers exactly the steps this allows, and every step method enforces it. The issuing
	 * region decides (its admins name, refuse, revoke, end a rectification and clear a 待核查 flag;
	 * its supervisors and admins re-check); a region below it never does.
	 */
	public Optional<String> refusal(NamingAction action, Actor actor) {
		var current = stateOn(actor.today());
		return switch (action) {
			case NAME, REFUSE -> decide(actor, DECIDERS, current == NamingState.APPLIED, action);
			case START_RECHECK -> decide(actor, INSPECTORS, current == NamingState.VALID, action);
			case RECORD_RECHECK -> decide(actor, INSPECTORS, current == NamingState.UNDER_RECHECK, action);
			case END_RECTIFICATION -> decide(actor, DECIDERS, current == NamingState.RECTIFYING, action);
			case REVOKE -> decide(actor, DECIDERS, current.isLive(), action);
			case CLEAR_FLAG -> decide(actor, DECIDERS, current.isLive() && isFlaggedForReview(), action);
			case FILE, EXPIRE, RENEWED, FLAG, MOVE, WITHDRAW -> Optional.of("naming.refused.system");
		};
	}

	private Optional<String> decide(Actor actor, Set<Role> roles, boolean stateAllows, NamingAction action) {
		if (!roles.contains(actor.role())) {
			return Optional.of("naming.refused.role");
		}
		if (!actor.covers(issuerRegionCode)) {
			return Optional.of("naming.refused.issuer");
		}
		return stateAllows ? Optional.empty() : Optional.of("naming.refused." + action.name());
	}

	private void require(NamingAction action, Actor actor) {
		var refused = refusal(action, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
	}

	// The steps.

	NamingEvent filed(Actor actor) {
		return event(NamingAction.FILE, null, actor.username(), appliedOn, null, applicationText);
	}

	/** 命名: by the decision {@code decisionNumber} of {@code namedOn}, valid {@code years} years. */
	NamingEvent name(Actor actor, String decisionNumber, LocalDate namedOn, int years, @Nullable Long batchId,
			String verificationCode) {
		require(NamingAction.NAME, actor);
		if (namedOn.isBefore(appliedOn)) {
			throw new BusinessRuleException("naming.error.namedBeforeApplied");
		}
		var from = state;
		this.state = NamingState.VALID;
		this.namedOn = namedOn;
		this.validUntil = Validity.until(namedOn, years);
		this.decisionNumber = decisionNumber;
		this.batchId = batchId;
		this.verificationCode = verificationCode;
		return event(NamingAction.NAME, from, actor.username(), namedOn, decisionNumber, null);
	}

	NamingEvent refuse(Actor actor, String reason) {
		require(NamingAction.REFUSE, actor);
		var from = state;
		this.state = NamingState.NOT_NAMED;
		return event(NamingAction.REFUSE, from, actor.username(), actor.today(), null, reason);
	}

	NamingEvent startRecheck(Actor actor, LocalDate plannedOn, @Nullable String note) {
		require(NamingAction.START_RECHECK, actor);
		var from = state;
		this.state = NamingState.UNDER_RECHECK;
		return event(NamingAction.START_RECHECK, from, actor.username(), plannedOn, null, note);
	}

	/** A re-check's result: 通过 → 有效, 限期整改 by {@code rectifyBy}, or 撤销 with {@code revocation}. */
	NamingEvent recordRecheck(Actor actor, RecheckResult result, LocalDate checkedOn, @Nullable LocalDate rectifyBy,
			@Nullable Revocation revocation, @Nullable String findings) {
		require(NamingAction.RECORD_RECHECK, actor);
		var from = state;
		switch (result) {
			case PASSED -> this.state = NamingState.VALID;
			case RECTIFY -> {
				this.state = NamingState.RECTIFYING;
				this.rectifyBy = java.util.Objects.requireNonNull(rectifyBy);
			}
			case REVOKE -> revoked(java.util.Objects.requireNonNull(revocation));
		}
		return event(NamingAction.RECORD_RECHECK, from, actor.username(), checkedOn,
				revocation == null ? null : revocation.documentNumber(), findings);
	}

	/** 整改结束: the rectification accepted (有效) or not ({@code revocation}: 撤销). */
	NamingEvent endRectification(Actor actor, @Nullable Revocation revocation, @Nullable String note) {
		require(NamingAction.END_RECTIFICATION, actor);
		var from = state;
		if (revocation == null) {
			this.state = NamingState.VALID;
		}
		else {
			revoked(revocation);
		}
		return event(NamingAction.END_RECTIFICATION, from, actor.username(),
				revocation == null ? actor.today() : revocation.on(), revocation == null ? null : revocation.documentNumber(),
				note);
	}

	NamingEvent revoke(Actor actor, Revocation revocation) {
		require(NamingAction.REVOKE, actor);
		var from = state;
		revoked(revocation);
		return event(NamingAction.REVOKE, from, actor.username(), revocation.on(), revocation.documentNumber(),
				revocation.reason());
	}

	private void revoked(Revocation revocation) {
		if (namedOn != null && revocation.on().isBefore(namedOn)) {
			throw new BusinessRuleException("naming.error.revokedBeforeNamed");
		}
		this.state = NamingState.REVOKED;
		this.revokedOn = revocation.on();
		this.revocationNumber = revocation.documentNumber();
		this.revocationReason = revocation.reason();
	}

	NamingEvent clearFlag(Actor actor, String note) {
		require(NamingAction.CLEAR_FLAG, actor);
		this.reviewFlaggedOn = null;
		return event(NamingAction.CLEAR_FLAG, state, actor.username(), actor.today(), null, note);
	}

	/** 待核查: a lower title of the same holder was revoked; {@code null} when already flagged or not live. */
	@Nullable NamingEvent flagForReview(LocalDate today, String note, String actor) {
		if (reviewFlaggedOn != null || !isLiveOn(today)) {
			return null;
		}
		this.reviewFlaggedOn = today;
		return event(NamingAction.FLAG, state, actor, today, null, note);
	}

	/**
	 * The holder now lies in {@code regionCode}, and the title with it (the scope goes by the
	 * holder's region); a pending application goes to {@code issuer}, the region that issues such
	 * titles there, when there is one. A title once named stays its issuer's.
	 */
	NamingEvent holderMoved(String regionCode, @Nullable String issuer, String note, LocalDate on, String actor) {
		this.holderRegionCode = regionCode;
		if (state == NamingState.APPLIED && issuer != null) {
			this.issuerRegionCode = issuer;
		}
		return event(NamingAction.MOVE, state, actor, on, null, note);
	}

	/**
	 * 申报终止: the application's holder no longer exists (a merged unit), so nobody can decide on it;
	 * it ends 未予命名 with {@code note} as the reason. Only an application; {@code null} for a title.
	 */
	@Nullable NamingEvent withdrawn(String note, LocalDate on, String actor) {
		if (state != NamingState.APPLIED) {
			return null;
		}
		this.state = NamingState.NOT_NAMED;
		return event(NamingAction.WITHDRAW, NamingState.APPLIED, actor, on, null, note);
	}

	/**
	 * The title this one renews, when the renewal is named on {@code namedOn} by {@code decisionNumber}: 已续期 if it is still
	 * held then, 已到期 if only its stored state said live; otherwise unchanged ({@code null}).
	 */
	@Nullable NamingEvent renewedBy(String decisionNumber, LocalDate namedOn, String actor) {
		if (!state.isLive()) {
			return null;
		}
		var from = state;
		var expired = validUntil != null && validUntil.isBefore(namedOn);
		this.state = expired ? NamingState.EXPIRED : NamingState.RENEWED;
		return event(expired ? NamingAction.EXPIRE : NamingAction.RENEWED, from, actor, namedOn, decisionNumber, null);
	}

	private NamingEvent event(NamingAction action, @Nullable NamingState from, String actor, LocalDate on,
			@Nullable String documentNumber, @Nullable String note) {
		this.updatedAt = Instant.now();
		return new NamingEvent(this, action, from, on, documentNumber, note, actor);
	}

}
