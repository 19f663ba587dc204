package org.pomegranate.activity.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.pomegranate.shared.validation.WholeNumber;

/**
 * The activity form as typed (photos and materials come beside it), with the rules of each field;
 * the service checks the region, the unit, the cadres and the ethnic groups against the records.
 * Counts are text, so that a typo comes back as a message beside the field, not as a bad request.
 * {@code ethnicCodes}/{@code ethnicCounts} are the rows of the by-ethnic-group table, side by side;
 * {@code submission} is the create form's one-time token.
 */
public record ActivityForm(@NotNull(message = "{activity.error.kind}") @Nullable ActivityKind kind,
		@Required @PlainText(max = 100) @Nullable String title,
		@Required @NotFuture(since = "2000-01-01") @Nullable String startedOn,
		@NotFuture(since = "2000-01-01") @Nullable String endedOn,
		@Required(message = "{activity.error.region}") @Nullable String regionCode,
		@PlainText(max = 200) @Nullable String place, @PlainText(max = 100) @Nullable String destination,
		@Nullable Long unitId, @Required @WholeNumber(max = 10_000_000) @Nullable String participants,
		@WholeNumber(max = 10_000_000) @Nullable String cadreParticipants,
		@WholeNumber(max = 10_000_000) @Nullable String publicParticipants,
		@WholeNumber(max = 10_000_000) @Nullable String studentParticipants, @Nullable List<String> ethnicCodes,
		@Nullable List<@WholeNumber(min = 1, max = 10_000_000) String> ethnicCounts, @Nullable List<Long> cadreIds,
		@PlainText(max = 2000, multiline = true) @Nullable String summary, @Nullable Long version,
		@Nullable UUID submission) {

	/** How many rows of the by-ethnic-group table a form offers. */
	public static final int ETHNIC_ROWS = 6;

	public static ActivityForm empty(String regionCode, String today) {
		return new ActivityForm(null, "", today, "", regionCode, "", "", null, "", "", "", "", blanks(), blanks(),
				List.of(), "", 0L, null);
	}

	public static ActivityForm of(Activity activity) {
		var codes = new ArrayList<String>();
		var counts = new ArrayList<String>();
		activity.ethnicGroupsInOrder().forEach((code, count) -> {
			codes.add(code);
			counts.add(String.valueOf(count));
		});
		while (codes.size() < ETHNIC_ROWS) {
			codes.add("");
			counts.add("");
		}
		return new ActivityForm(activity.getKind(), activity.getTitle(), activity.getStartedOn().toString(),
				activity.getEndedOn().toString(), activity.getRegionCode(), text(activity.getPlace()),
				text(activity.getDestination()), activity.getUnitId(), String.valueOf(activity.getParticipants()),
				text(activity.getCadreParticipants()), text(activity.getPublicParticipants()),
				text(activity.getStudentParticipants()), codes, counts, List.copyOf(activity.getCadreIds()),
				text(activity.getSummary()), activity.getVersion(), null);
	}

	/** The rows of the by-ethnic-group table, padded to {@link #ETHNIC_ROWS} so a form always shows them. */
	public List<String> ethnicCodeRows() {
		return padded(ethnicCodes);
	}

	public List<String> ethnicCountRows() {
		return padded(ethnicCounts);
	}

	private static List<String> padded(@Nullable List<String> values) {
		var rows = new ArrayList<String>(values == null ? List.of() : values);
		while (rows.size() < ETHNIC_ROWS) {
			rows.add("");
		}
		return rows;
	}

	private static List<String> blanks() {
		return padded(null);
	}

	private static String text(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}

}
