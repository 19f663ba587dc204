package org.pomegranate.assessment.evidence;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.assessment.framework.EvidenceKind;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;

/** The forms of the evidence library, with their constraints; the files come beside them as uploads. */
public final class EvidenceForms {

	private EvidenceForms() {
	}

	/**
	 * A piece of evidence as typed: its holder ({@code R:<region code>} or {@code U:<unit id>},
	 * fixed once made), title, kind, the day it was made (not after today) and description.
	 * {@code submission} makes a double submit one piece; {@code assessmentId} and {@code nodeId}
	 * name the article it is made for, when it is uploaded from a self-assessment page;
	 * {@code version} is the optimistic lock of an edit.
	 */
	public record EvidenceForm(@Nullable UUID submission, @Required @PlainText(max = 40) @Nullable String holder,
			@Required @PlainText(max = 200) @Nullable String title, @NotNull @Nullable EvidenceKind kind,
			@Required @NotFuture(message = "{evidence.error.future}") @Nullable String madeOn,
			@PlainText(max = 2000, multiline = true) @Nullable String description, @Nullable Long assessmentId,
			@Nullable Long nodeId, @Nullable Long version) {

		public static EvidenceForm empty(LocalDate today, @Nullable String holder, @Nullable Long assessmentId,
				@Nullable Long nodeId) {
			return new EvidenceForm(UUID.randomUUID(), holder, "", EvidenceKind.PHOTO, today.toString(), "", assessmentId,
					nodeId, null);
		}

		/** The edit form of {@code piece}, as it is now. */
		public static EvidenceForm of(Evidence piece) {
			return new EvidenceForm(null, Holders.key(piece), piece.getTitle(), piece.getKind(), piece.getMadeOn().toString(),
					piece.getDescription(), null, null, piece.getVersion());
		}

		String cleanTitle() {
			return java.util.Objects.requireNonNull(FormText.clean(title)).strip();
		}

		LocalDate madeOnDate() {
			return java.util.Objects.requireNonNull(FormText.date(madeOn));
		}

		@Nullable String cleanDescription() {
			var clean = FormText.clean(description);
			return clean == null || clean.isBlank() ? null : clean.strip();
		}

	}

	/** The library's filters: the holder's region (its subtree), the kind, and words of the title or description. */
	public record EvidenceQuery(@Nullable String region, @Nullable EvidenceKind kind, @Nullable String q) {

		public static EvidenceQuery none() {
			return new EvidenceQuery(null, null, null);
		}

	}

}
