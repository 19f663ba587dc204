package org.pomegranate.unit.naming;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.pomegranate.account.CurrentUser;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What every step on a title writes, whichever service takes it: the title (its version checked
 * in SQL, so of two people acting at once exactly one wins), its history row, the audit row, when
 * it ends in 已撤销 the 待核查 flag on the holder's live higher titles, and when it leaves 复查中
 * other than by the re-check's result, the close of that re-check.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class NamingSteps {

	static final String ENTITY = "Naming";

	private final NamingRepository namings;

	private final NamingEventRepository events;

	private final NamingRecheckRepository rechecks;

	private final AuditLog auditLog;

	private final NamingLabels labels;

	private final RegionScope scope;

	private final Clock clock;

	NamingSteps(NamingRepository namings, NamingEventRepository events, NamingRecheckRepository rechecks,
			AuditLog auditLog, NamingLabels labels, RegionScope scope, Clock clock) {
		this.namings = namings;
		this.events = events;
		this.rechecks = rechecks;
		this.auditLog = auditLog;
		this.labels = labels;
		this.scope = scope;
		this.clock = clock;
	}

	/** The signed-in user as a title judges them, on today's date in China. */
	Actor actor() {
		if (RegionScope.currentPrincipal().orElse(null) instanceof CurrentUser user) {
			return new Actor(user.getUsername(), user.role(), user.regionCode(), ChinaTime.today(clock));
		}
		throw new RecordNotFoundException(ENTITY, "actor");
	}

	Naming get(long id) {
		return scope.check(namings.findById(id), ENTITY, id);
	}

	/** Records a step already taken on {@code naming} (in memory) with its history row. */
	Naming record(Naming naming, NamingEvent event) {
		return record(naming, event, true);
	}

	/** The same, without an audit row of its own: a step of a batch, which is audited as one action. */
	Naming record(Naming naming, NamingEvent event, boolean audited) {
		var saved = namings.saveAndFlush(naming);
		events.save(event);
		if (audited) {
			auditLog.record(event.getAction() == NamingAction.FILE ? AuditAction.CREATE : AuditAction.UPDATE, ENTITY,
				saved.getId(), summary(saved, event));
		}
		if (saved.getState() == NamingState.REVOKED && event.getFromState() != NamingState.REVOKED) {
			flagHigherTitles(saved);
		}
		if (event.getFromState() == NamingState.UNDER_RECHECK && saved.getState() != NamingState.UNDER_RECHECK
				&& event.getAction() != NamingAction.RECORD_RECHECK) {
			closeRechecks(saved, event.getOnDate());
		}
		return saved;
	}

	/** The title left 复查中 without the re-check's result: the re-check it waited for is closed, saying what it became. */
	private void closeRechecks(Naming naming, LocalDate on) {
		for (var recheck : rechecks.findByNamingIdOrderByIdDesc(naming.getId())) {
			if (recheck.isOpen()) {
				recheck.close(on, naming.getState());
				rechecks.saveAndFlush(recheck);
			}
		}
	}

	private static String summary(Naming naming, NamingEvent event) {
		var parts = Arrays.asList(naming.getHolderName(), "「" + naming.getTitle() + "」", event.getAction().name(), "→",
				naming.getState().name(), event.getDocumentNumber());
		return String.join(" ", parts.stream().filter(Objects::nonNull).toList());
	}

	/** 待核查: every live title of a higher level held by the revoked title's holder; never revoked here. */
	private void flagHigherTitles(Naming revoked) {
		var today = ChinaTime.today(clock);
		var higher = Arrays.stream(NamingLevel.values()).filter(l -> l.ordinal() > revoked.getLevel().ordinal()).toList();
		if (higher.isEmpty()) {
			return;
		}
		var note = labels.text("naming.flag.note", labels.of(revoked.getLevel()), revoked.getTitle(),
				Objects.requireNonNullElse(revoked.getRevocationNumber(), ""));
		List<Naming> titles = namings.findOfHolder(revoked.holder(), higher);
		for (var title : titles) {
			@Nullable NamingEvent flagged = title.flagForReview(today, note, scope.currentUsername());
			if (flagged != null) {
				namings.saveAndFlush(title);
				events.save(flagged);
				auditLog.record(AuditAction.UPDATE, ENTITY, title.getId(), title.getHolderName() + " 「" + title.getTitle()
						+ "」 待核查：下级命名 " + revoked.getId() + " 已撤销");
			}
		}
	}

}
