package org.pomegranate.unit.network;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.CreditCode;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.Phone;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/**
 * The unit form as typed, with the rules of each field. The service checks the rest against the
 * records: the region in scope, the parent (nesting), the credit code for the kind, its uniqueness,
 * a masked phone (the stored one, kept). {@code submission} is the create form's one-time token.
 */
public record UnitForm(@Required @PlainText(max = 100) @Nullable String name, @Nullable UnitKind kind,
		@Required(message = "{unit.error.region}") @Nullable String regionCode, @Nullable Long parentId,
		@PlainText(max = 40) @CreditCode.Format @Nullable String creditCode, @PlainText(max = 200) @Nullable String address,
		@PlainText(max = 50) @Nullable String personInCharge, @Phone(masked = true) @Nullable String phone,
		@NotFuture(since = "1900-01-01") @Nullable String foundedOn, @Nullable Long version,
		@Nullable UUID submission) {

	public static UnitForm empty() {
		return new UnitForm("", null, "", null, "", "", "", "", "", 0L, null);
	}

	/** A new unit under {@code parent}, in its region: a studio under a centre, a team under a studio. */
	public static UnitForm childOf(CampaignUnit parent) {
		var kind = switch (parent.getKind()) {
			case WORK_CENTRE -> UnitKind.WORK_STUDIO;
			case WORK_STUDIO -> UnitKind.WORK_TEAM;
			default -> null;
		};
		return new UnitForm("", kind, parent.getRegionCode(), parent.getId(), "", "", "", "", "", 0L, null);
	}

	/** The form for editing; the phone in it masked: sent back so it stays, emptied it is cleared, retyped it changes. */
	public static UnitForm of(CampaignUnit unit) {
		return new UnitForm(unit.getName(), unit.getKind(), unit.getRegionCode(), unit.getParentId(),
				unit.getCreditCode(), unit.getAddress(), unit.getPersonInCharge(), unit.maskedPhone(),
				unit.getFoundedOn() == null ? "" : unit.getFoundedOn().toString(), unit.getVersion(), null);
	}

}
