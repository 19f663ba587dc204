package org.pomegranate.unit.network;

import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** 撤并: the day and the reason, with the version the page was opened at. */
public record MergeForm(@Required(message = "{unit.error.mergedOn}") @NotFuture(since = "1900-01-01") @Nullable String mergedOn,
		@Required @PlainText(max = 500, multiline = true) @Nullable String reason, @Nullable Long version) {

	public static MergeForm of(CampaignUnit unit) {
		return new MergeForm("", "", unit.getVersion());
	}

}
