package org.pomegranate.unit.naming;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.naming.NamingForms.DrawForm;
import org.pomegranate.unit.naming.NamingForms.RecheckForm;
import org.pomegranate.unit.naming.NamingForms.RecheckResultForm;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Re-checks (复查) and the yearly draw (回访抽查): starting a re-check (ad hoc, or 互观互检 with
 * inspectors from peer regions), recording its result (通过 → 有效, 限期整改 → deadline, 撤销), and
 * drawing a share of an issuing region's valid titles with a recorded seed, each drawn title
 * getting a re-check. Supervisors and admins of the issuing region (or above) do this.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class RecheckService {

	static final String RECHECK = "NamingRecheck";

	static final String DRAW = "NamingDraw";

	private static final SecureRandom SEEDS = new SecureRandom();

	private final NamingRepository namings;

	private final NamingRecheckRepository rechecks;

	private final NamingDrawRepository draws;

	private final NamingService namingService;

	private final NamingSteps steps;

	private final RegionService regions;

	private final RegionScope scope;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	RecheckService(NamingRepository namings, NamingRecheckRepository rechecks, NamingDrawRepository draws,
			NamingService namingService, NamingSteps steps, RegionService regions, RegionScope scope,
			SubmissionTokens submissions, AuditLog auditLog) {
		this.namings = namings;
		this.rechecks = rechecks;
		this.draws = draws;
		this.namingService = namingService;
		this.steps = steps;
		this.regions = regions;
		this.scope = scope;
		this.submissions = submissions;
		this.auditLog = auditLog;
	}

	public NamingRecheck recheck(long id) {
		return scope.check(rechecks.findById(id), RECHECK, id);
	}

	/** The re-check a title under re-check waits for. */
	public @Nullable NamingRecheck openRecheck(long namingId) {
		return rechecks.findFirstByNamingIdAndResultIsNullAndClosedOnIsNullOrderByIdDesc(namingId).orElse(null);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public NamingRecheck start(long namingId, @Valid RecheckForm form) {
		var naming = namingService.prepare(namingId, form.version(), NamingAction.START_RECHECK);
		var problems = new FieldProblems();
		var plannedOn = FormText.date(form.plannedOn());
		if (plannedOn == null) {
			problems.reject("plannedOn", "validation.date");
		}
		var kind = Objects.requireNonNull(form.kind());
		String peers = null;
		if (kind == RecheckKind.MUTUAL) {
			peers = peerRegions(naming, form.inspectorRegions(), problems);
		}
		else if (kind == RecheckKind.SPOT) {
			// A spot re-check comes from a draw only.
			problems.reject("kind", "naming.recheck.error.spot");
		}
		problems.throwIfAny();
		var actor = steps.actor();
		steps.record(naming, naming.startRecheck(actor, plannedOn, peers == null ? null : "互观互检：" + peers));
		var recheck = rechecks.save(new NamingRecheck(naming, null, kind, plannedOn, peers, actor.username()));
		auditLog.record(AuditAction.CREATE, RECHECK, recheck.getId(), naming.getHolderName() + " " + kind.name());
		return recheck;
	}

	/**
	 * 互观互检: the inspectors come from regions of the same level as the holder's region, not from
	 * the holder's own. Region names are public facts: peers may lie outside the user's scope.
	 */
	private @Nullable String peerRegions(Naming naming, @Nullable String typed, FieldProblems problems) {
		var text = FormText.clean(typed);
		var own = RegionCode.of(naming.getHolderRegionCode());
		var codes = new LinkedHashSet<String>();
		if (text != null) {
			for (var part : text.split("[,，、\\s]+")) {
				if (!part.isBlank()) {
					codes.add(part.trim());
				}
			}
		}
		if (codes.isEmpty()) {
			problems.reject("inspectorRegions", "naming.recheck.error.peers");
			return null;
		}
		for (var code : codes) {
			var region = RegionCode.parse(code).flatMap(c -> regions.find(c.toString())).orElse(null);
			if (region == null || region.getLevel() != own.level() || region.getCode().equals(own.toString())) {
				problems.reject("inspectorRegions", "naming.recheck.error.peers");
				return null;
			}
		}
		return String.join(",", codes);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public Naming recordResult(long recheckId, @Valid RecheckResultForm form) {
		var recheck = recheck(recheckId);
		StaleEdits.requireVersion(recheck.getVersion(), StaleEdits.versionOf(form.version()), RECHECK, recheckId);
		if (!recheck.isOpen()) {
			throw new BusinessRuleException("naming.recheck.error.done");
		}
		var naming = steps.get(recheck.getNamingId());
		var actor = steps.actor();
		var refused = naming.refusal(NamingAction.RECORD_RECHECK, actor);
		if (refused.isPresent()) {
			throw new BusinessRuleException(refused.get());
		}
		var checkedOn = Objects.requireNonNull(FormText.date(form.checkedOn()));
		var result = Objects.requireNonNull(form.result());
		var problems = new FieldProblems();
		if (checkedOn.isBefore(naming.getNamedOn())) {
			problems.reject("checkedOn", "naming.recheck.error.checkedOn");
		}
		var rectifyBy = FormText.date(form.rectifyBy());
		if (result == RecheckResult.RECTIFY && (rectifyBy == null || !rectifyBy.isAfter(checkedOn))) {
			problems.reject("rectifyBy", "naming.recheck.error.rectifyBy");
		}
		problems.throwIfAny();
		Revocation revocation = null;
		if (result == RecheckResult.REVOKE) {
			revocation = NamingService.revocation(form.reason(), form.documentNumber(), form.revokedOn());
			if (revocation.on().isAfter(actor.today())) {
				throw new BusinessRuleException("validation.futureDate");
			}
			if (revocation.on().isBefore(checkedOn)) {
				new FieldProblems().reject("revokedOn", "naming.error.revokedBeforeRechecked").throwIfAny();
			}
		}
		var findings = FormText.clean(form.findings());
		recheck.record(checkedOn, Objects.requireNonNull(FormText.clean(form.inspectors())), findings, result);
		rechecks.saveAndFlush(recheck);
		auditLog.record(AuditAction.UPDATE, RECHECK, recheckId, naming.getHolderName() + " " + result.name());
		return steps.record(naming, naming.recordRecheck(actor, result, checkedOn,
				result == RecheckResult.RECTIFY ? rectifyBy : null, revocation, findings));
	}

	// Draws

	public Page<NamingDraw> draws(Pageable pageable) {
		Specification<NamingDraw> where = scope.specification(NamingDraw_.ISSUER_REGION_CODE);
		return draws.findAll(where, pageable);
	}

	public NamingDraw draw(long id) {
		var draw = draws.findById(id).orElseThrow(() -> new RecordNotFoundException(DRAW, id));
		scope.checkRegion(draw.getIssuerRegionCode(), DRAW, id);
		return draw;
	}

	/** The titles a draw chose, with their re-checks, in the order drawn. */
	public List<DrawnTitle> drawnTitles(NamingDraw draw) {
		var byNaming = new HashMap<Long, NamingRecheck>();
		rechecks.findByDrawIdOrderByNamingId(draw.getId()).forEach(r -> byNaming.put(r.getNamingId(), r));
		var drawn = new ArrayList<DrawnTitle>();
		var titles = new HashMap<Long, Naming>();
		namings.findAllById(byNaming.keySet()).forEach(n -> titles.put(n.getId(), n));
		for (var namingId : draw.recompute()) {
			if (byNaming.containsKey(namingId)) {
				drawn.add(new DrawnTitle(titles.get(namingId), byNaming.get(namingId)));
			}
		}
		return drawn;
	}

	/** {@code recomputed}: the ids the seed chooses again; {@code recorded}: those the draw gave re-checks. */
	public Recomputation recompute(NamingDraw draw) {
		var recorded = rechecks.findByDrawIdOrderByNamingId(draw.getId()).stream().map(NamingRecheck::getNamingId).sorted().toList();
		var recomputed = draw.recompute();
		return new Recomputation(recomputed, recorded, recomputed.stream().sorted().toList().equals(recorded));
	}

	public record DrawnTitle(Naming naming, NamingRecheck recheck) {
	}

	public record Recomputation(List<Long> recomputed, List<Long> recorded, boolean same) {
	}

	/** Where the user may draw: their own region if it issues titles. */
	public boolean mayDrawIn(String issuer) {
		var level = RegionCode.of(issuer).level();
		return !NamingLevel.issuedBy(level).isEmpty() && scope.contains(issuer);
	}

	@Transactional
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	public NamingDraw drawNow(@Valid DrawForm form) {
		var claim = submissions.claim(form.submission(), DRAW);
		if (claim.earlier().isPresent()) {
			return draw(claim.earlierId().orElseThrow());
		}
		var actor = steps.actor();
		var issuer = Objects.requireNonNullElse(FormText.clean(form.issuer()), actor.regionCode());
		var problems = new FieldProblems();
		if (RegionCode.parse(issuer).isEmpty() || !mayDrawIn(issuer)) {
			problems.reject("issuer", "naming.draw.error.issuer");
		}
		var share = form.sharePercent();
		if (share == null || share < 1 || share > 100) {
			problems.reject("sharePercent", "naming.draw.error.share");
		}
		var plannedOn = FormText.date(form.plannedOn());
		if (plannedOn == null || plannedOn.isBefore(actor.today())) {
			problems.reject("plannedOn", "naming.draw.error.plannedOn");
		}
		problems.throwIfAny();
		var population = namings.findValidIssuedBy(issuer, actor.today());
		var draw = draws.saveAndFlush(new NamingDraw(issuer, share, SEEDS.nextLong(), population, actor.today(),
				actor.username()));
		claim.made(draw.getId());
		for (var namingId : draw.recompute()) {
			var naming = steps.get(namingId);
			steps.record(naming, naming.startRecheck(actor, plannedOn, "回访抽查 #" + draw.getId()));
			rechecks.save(new NamingRecheck(naming, draw.getId(), RecheckKind.SPOT, plannedOn, null, actor.username()));
		}
		auditLog.record(AuditAction.CREATE, DRAW, draw.getId(), issuer + " 抽取 " + share + "%：" + draw.getDrawn() + " / "
				+ draw.getPopulation() + "，种子 " + draw.getSeed());
		return draw;
	}

}
