package org.pomegranate.unit.naming;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.shared.validation.NotFuture;
import org.pomegranate.shared.validation.PlainText;
import org.pomegranate.shared.validation.Required;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Batch naming (批量命名): one decision of the admin's region naming many holders at once, chosen on
 * screen (pending applications, units, households, regions). Before it commits the page shows
 * the count and the list ({@link #preview}); the commit checks the chain for each holder on the
 * decision's date and names all of them, or none, refusing with the list of those that fail. It
 * is one audited action.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class NamingBatches {

	static final String ENTITY = "NamingBatch";

	/** The most holders one batch decision names. */
	public static final int MAX_HOLDERS = 1000;

	private final NamingBatchRepository batches;

	private final NamingRepository namings;

	private final NamingService namingService;

	private final NamingSteps steps;

	private final Holders holders;

	private final Eligibility eligibility;

	private final NamingLabels labels;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	NamingBatches(NamingBatchRepository batches, NamingRepository namings, NamingService namingService,
			NamingSteps steps, Holders holders, Eligibility eligibility, NamingLabels labels, RegionScope scope,
			SubmissionTokens submissions, AuditLog auditLog) {
		this.batches = batches;
		this.namings = namings;
		this.namingService = namingService;
		this.steps = steps;
		this.holders = holders;
		this.eligibility = eligibility;
		this.labels = labels;
		this.scope = scope;
		this.submissions = submissions;
		this.auditLog = auditLog;
	}

	/**
	 * A batch decision as typed, with the holders chosen: {@code A:<application id>} for a pending
	 * application, {@code R:}, {@code U:}, {@code H:} for a region, unit or household named directly.
	 */
	public record BatchForm(@Nullable UUID submission, @Required @PlainText(max = 100) @Nullable String title,
			@NotNull @Nullable NamingLevel level, @NotNull @Min(2000) @Max(2100) @Nullable Integer year,
			@NotNull @Min(1) @Max(999) @Nullable Integer number,
			@Required @PlainText(max = 60) @Nullable String decisionNumber,
			@Required @NotFuture(since = "2000-01-01") @Nullable String decidedOn, @Nullable List<String> holders) {

		public static BatchForm empty(LocalDate today) {
			return new BatchForm(null, "", null, today.getYear(), 1, "", today.toString(), List.of());
		}

		public List<String> chosen() {
			return holders == null ? List.of() : List.copyOf(new LinkedHashSet<>(holders.stream().filter(Objects::nonNull).toList()));
		}

	}

	/** One holder of a batch as the confirmation shows it, with why it cannot be named, if so. */
	public record Candidate(String key, String holderName, String regionCode, @Nullable String title,
			@Nullable String failure) {
	}

	public record Preview(List<Candidate> candidates) {

		public List<Candidate> failures() {
			return candidates.stream().filter(c -> c.failure() != null).toList();
		}

		public int count() {
			return candidates.size();
		}

	}

	public Page<NamingBatch> list(Pageable pageable) {
		Specification<NamingBatch> where = scope.specification(NamingBatch_.ISSUER_REGION_CODE);
		return batches.findAll(where, pageable);
	}

	public NamingBatch get(long id) {
		var batch = batches.findById(id).orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
		scope.checkRegion(batch.getIssuerRegionCode(), ENTITY, id);
		return batch;
	}

	/** Pending applications the admin's region decides at {@code level}, for the chooser. */
	@PreAuthorize("hasRole('ADMIN')")
	public List<Naming> pendingApplications(@Nullable NamingLevel level) {
		var issuer = scope.prefix();
		Specification<Naming> where = scope.<Naming>specification(Naming_.HOLDER_REGION_CODE)
			.and((root, q, cb) -> cb.and(cb.equal(root.get(Naming_.state), NamingState.APPLIED),
					cb.equal(root.get(Naming_.issuerRegionCode), issuer)));
		if (level != null) {
			where = where.and((root, q, cb) -> cb.equal(root.get(Naming_.level), level));
		}
		return namings.findAll(where, PageRequest.of(0, MAX_HOLDERS, Sort.by(Naming_.ID))).getContent();
	}

	/** What the batch would name, each holder checked as the commit will check it; nothing is written. */
	@PreAuthorize("hasRole('ADMIN')")
	public Preview preview(@Valid BatchForm form) {
		var decision = decision(form);
		var candidates = new ArrayList<Candidate>();
		for (var key : form.chosen()) {
			candidates.add(candidate(key, decision));
		}
		return new Preview(candidates);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public NamingBatch commit(@Valid BatchForm form) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var decision = decision(form);
		var preview = new Preview(form.chosen().stream().map(key -> candidate(key, decision)).toList());
		if (!preview.failures().isEmpty()) {
			throw new BatchRefusedException(preview);
		}
		var actor = steps.actor();
		var issuer = actor.regionCode();
		var batch = batches.saveAndFlush(new NamingBatch(decision, issuer, actor.username()));
		claim.made(batch.getId());
		for (var key : form.chosen()) {
			Naming application;
			if (key.startsWith("A:")) {
				application = steps.get(Long.parseLong(key.substring(2)));
			}
			else {
				var holder = holders.byKey(key);
				application = namings.saveAndFlush(new Naming(holder, decision.title(), decision.level(), issuer,
						decision.decidedOn(), null, null, actor.username()));
				steps.record(application, application.filed(actor), false);
			}
			namingService.nameOne(application, decision.decisionNumber(), decision.decidedOn(), batch.getId(), false);
		}
		auditLog.record(AuditAction.CREATE, ENTITY, batch.getId(), decision.year() + "年第" + decision.number() + "批 "
				+ labels.of(decision.level()) + "「" + decision.title() + "」 " + decision.decisionNumber() + "：命名 "
				+ preview.count() + " 个");
		return batch;
	}

	private NamingBatch.BatchDecision decision(BatchForm form) {
		var problems = new FieldProblems();
		var issuer = scope.prefix();
		var level = Objects.requireNonNull(form.level());
		if (!NamingLevel.issuedBy(RegionCode.of(issuer).level()).contains(level)) {
			problems.reject("level", "naming.batch.error.level");
		}
		if (form.chosen().isEmpty()) {
			problems.reject("holders", "naming.batch.error.none");
		}
		if (form.chosen().size() > MAX_HOLDERS) {
			problems.reject("holders", "naming.batch.error.tooMany");
		}
		if (batches.existsByIssuerRegionCodeAndLevelAndYearAndNumber(issuer, level, Objects.requireNonNull(form.year()),
				Objects.requireNonNull(form.number()))) {
			problems.reject("number", "naming.batch.error.number");
		}
		problems.throwIfAny();
		return new NamingBatch.BatchDecision(Objects.requireNonNull(FormText.clean(form.title())), level, form.year(),
				form.number(), Objects.requireNonNull(FormText.clean(form.decisionNumber())),
				Objects.requireNonNull(FormText.date(form.decidedOn())));
	}

	/** One chosen holder and, if it cannot be named by this decision, why (in words). */
	private Candidate candidate(String key, NamingBatch.BatchDecision decision) {
		var issuer = scope.prefix();
		try {
			if (key.startsWith("A:")) {
				long id = Long.parseLong(key.substring(2));
				var application = scope.check(namings.findById(id), NamingSteps.ENTITY, id);
				String failure = null;
				if (application.getState() != NamingState.APPLIED || application.getLevel() != decision.level()
						|| !application.getIssuerRegionCode().equals(issuer)) {
					failure = labels.text("naming.batch.error.application");
				}
				else if (decision.decidedOn().isBefore(application.getAppliedOn())) {
					failure = labels.text("naming.error.namedBeforeApplied");
				}
				else {
					failure = eligible(application.holder(), decision, issuer);
				}
				if (failure == null) {
					failure = namingService.renewalRefusal(application, decision.decidedOn())
						.map(ex -> labels.text(ex.messageKey(), ex.arguments()))
						.orElse(null);
				}
				return new Candidate(key, application.getHolderName(), application.getHolderRegionCode(),
						application.getTitle(), failure);
			}
			var holder = holders.byKey(key);
			String failure;
			if (!issuer.equals(Holders.issuerFor(holder, decision.level()))) {
				failure = labels.text("naming.batch.error.notIssuer");
			}
			// Held by its stored state, whatever the dates: one live title per holder is what the database holds to.
			else if (namings.findOfHolder(holder, List.of(decision.level()))
				.stream()
				.anyMatch(n -> n.getTitle().equals(decision.title())
						&& (n.getState() == NamingState.APPLIED || n.getState().isLive()))) {
				failure = labels.text("naming.batch.error.held");
			}
			else {
				failure = eligible(holder, decision, issuer);
			}
			return new Candidate(key, holder.name(), holder.regionCode(), decision.title(), failure);
		}
		catch (NumberFormatException ex) {
			return new Candidate(key, key, "", null, labels.text("naming.error.holder"));
		}
		catch (BusinessRuleException ex) {
			return new Candidate(key, key, "", null, labels.text(ex.messageKey(), ex.arguments()));
		}
	}

	private @Nullable String eligible(Holder holder, NamingBatch.BatchDecision decision, String issuer) {
		return eligibility.refusal(holder, decision.level(), issuer, decision.decidedOn())
			.map(ex -> labels.text(ex.messageKey(), ex.arguments()))
			.orElse(null);
	}

	/** A batch refused whole: none named; {@code preview} lists who could not be and why. */
	public static class BatchRefusedException extends BusinessRuleException {

		private final transient Preview preview;

		BatchRefusedException(Preview preview) {
			super("naming.batch.refused", preview.failures().size(), preview.count());
			this.preview = preview;
		}

		public Preview preview() {
			return preview;
		}

	}

}
