package org.pomegranate.petition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.pomegranate.petition.loop.PetitionQuery;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.shared.ChinaTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The petition ledger as other modules read it: the rows of a region and period, personal data
 * masked, labels in the language asked for (the monthly report is Chinese whatever the reader's).
 */
@Service
@Transactional(readOnly = true)
public class PetitionLedger {

	private final PetitionService petitions;

	private final MessageSource messages;

	private final Clock clock;

	PetitionLedger(PetitionService petitions, MessageSource messages, Clock clock) {
		this.petitions = petitions;
		this.messages = messages;
		this.clock = clock;
	}

	/** Every petition received in the region's subtree from {@code from} to {@code to}, newest first. */
	public long export(String regionCode, LocalDate from, LocalDate to, Locale locale, Consumer<LedgerRow> sink) {
		var today = ChinaTime.today(clock);
		var query = PetitionQuery.all().inRegion(regionCode).receivedBetween(from, to);
		return petitions.export(query, p -> sink.accept(new LedgerRow(p.getNumber(), p.getReceivedOn(),
				label(p.getSource(), locale), p.getPetitionerName(), p.maskedPhone(), p.getRegionCode(),
				p.getCategory().getName(), p.getTitle(), label(p.getState(), locale),
				p.getOutcome() == null ? null : label(p.getOutcome(), locale),
				p.getRating() == null ? null : label(p.getRating(), locale), p.getClosedOn(), p.isOverdue(today),
				p.isBacklog())));
	}

	private String label(Enum<?> value, Locale locale) {
		var key = value.getDeclaringClass().getSimpleName() + "." + value.name();
		return messages.getMessage(key, null, key, locale);
	}

	/** One line of the ledger: labels instead of codes, the phone masked. */
	public record LedgerRow(String number, LocalDate receivedOn, String source, String petitionerName,
			@Nullable String maskedPhone, String regionCode, String category, String title, String state,
			@Nullable String outcome, @Nullable String rating, @Nullable LocalDate closedOn, boolean overdue,
			boolean backlog) {
	}

}
