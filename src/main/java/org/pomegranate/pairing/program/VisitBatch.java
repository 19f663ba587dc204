package org.pomegranate.pairing.program;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.pairing.VisitImports.Blocker;
import org.pomegranate.pairing.VisitImports.Checked;
import org.pomegranate.pairing.VisitImports.Outcome;
import org.pomegranate.pairing.VisitImports.Row;
import org.pomegranate.pairing.VisitImports.Undo;
import org.pomegranate.pairing.VisitImports.Written;
import org.pomegranate.pairing.VisitKind;
import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreRepository;
import org.pomegranate.pairing.household.HouseholdRepository;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.database.BulkStatements;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The visit side of a spreadsheet import: each row finds its household by ID number and its
 * cadre by name (and unit) within the user's scope, then the pairing between them that covers the
 * date (the program decides when two do), and becomes the {@link VisitForm} the page submits,
 * checked by the form's constraints and {@link PairingService#checkImportedVisit}. One audit line
 * per written batch.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
public class VisitBatch {

	private final PairingService service;

	private final PairingRepository pairings;

	private final VisitRepository visits;

	private final HouseholdRepository households;

	private final CadreRepository cadres;

	private final Validator validator;

	private final RegionScope scope;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	VisitBatch(PairingService service, PairingRepository pairings, VisitRepository visits, HouseholdRepository households,
			CadreRepository cadres, Validator validator, RegionScope scope, MessageSource messages, JdbcTemplate jdbc,
			AuditLog auditLog) {
		this.service = service;
		this.pairings = pairings;
		this.visits = visits;
		this.households = households;
		this.cadres = cadres;
		this.validator = validator;
		this.scope = scope;
		this.messages = messages;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	public List<String> kinds() {
		return Arrays.stream(VisitKind.values()).map(Enum::name).toList();
	}

	public Map<String, String> programs() {
		var programs = new LinkedHashMap<String, String>();
		service.visiblePrograms().forEach(p -> programs.put(String.valueOf(p.getId()), p.getName()));
		return programs;
	}

	public List<Checked> check(List<Row> rows) {
		return rows.stream().map(row -> {
			var examined = examine(row);
			return new Checked(examined.problems, examined.existing == null ? null : examined.existing.getId());
		}).toList();
	}

	@Transactional
	public Outcome write(long batchId, List<Row> rows) {
		var written = new ArrayList<Written>();
		var refused = new LinkedHashMap<Integer, Map<String, String>>();
		for (int i = 0; i < rows.size(); i++) {
			var examined = examine(rows.get(i));
			if (!examined.problems.isEmpty()) {
				refused.put(i, examined.problems);
				continue;
			}
			if (examined.existing != null) {
				continue;
			}
			var visit = new Visit(Objects.requireNonNull(examined.pairing), Objects.requireNonNull(examined.details),
					scope.currentUsername());
			visit.importedBy(batchId);
			visits.saveAndFlush(visit);
			service.imported(visit);
			written.add(new Written(visit.getId(), visit.getVersion()));
		}
		if (!written.isEmpty()) {
			auditLog.record(AuditAction.CREATE, PairingService.VISIT, "import:" + batchId, "导入走访 " + written.size() + " 次");
		}
		return new Outcome(written, refused);
	}

	public List<Blocker> blockers(List<Undo> undos) {
		var blockers = new ArrayList<Blocker>();
		for (var undo : undos) {
			var found = visits.findById(undo.visitId()).orElse(null);
			if (found == null) {
				continue;
			}
			var name = found.getPairing().getHousehold().getHeadName() + " " + found.getVisitedOn();
			if (!scope.contains(found.getRegionCode())) {
				blockers.add(new Blocker(found.getId(), name, text("visit.undo.movedAway")));
			}
			else if (found.getVersion() != undo.version()) {
				blockers.add(new Blocker(found.getId(), name, text("visit.undo.editedSince")));
			}
			else if (Boolean.TRUE.equals(jdbc.queryForObject(
					"select exists (select 1 from stored_file where owner_kind = ? and owner_id = ?)",
					Boolean.class, VisitPhotos.KIND, found.getId()))) {
				blockers.add(new Blocker(found.getId(), name, text("visit.undo.photos")));
			}
		}
		return blockers;
	}

	@Transactional
	public void undo(long batchId, List<Undo> undos) {
		if (!blockers(undos).isEmpty()) {
			throw new BusinessRuleException("visit.undo.blocked");
		}
		var removed = undos.stream().map(Undo::visitId).toList();
		// One statement: the visit trigger then sets each pairing's last visit once.
		BulkStatements.deleteByIds(jdbc, "visit", removed);
		auditLog.record(AuditAction.DELETE, PairingService.VISIT, "import:" + batchId, "撤销导入：删除走访 " + removed.size() + " 次");
	}

	private Examined examine(Row row) {
		var problems = new LinkedHashMap<String, String>();
		VisitKind kind = null;
		if (row.kind() != null && !row.kind().isBlank()) {
			try {
				kind = VisitKind.valueOf(row.kind());
			}
			catch (IllegalArgumentException ex) {
				problems.put("kind", text("visit.import.choice"));
			}
		}
		var form = new VisitForm(row.visitedOn(), kind, row.visitors(), row.findings(), row.actionsTaken(),
				row.aidAmount() == null || row.aidAmount().isBlank() ? "0" : row.aidAmount(),
				"true".equals(row.followUpNeeded()), null);
		for (ConstraintViolation<VisitForm> violation : validator.validate(form)) {
			problems.putIfAbsent(field(violation), violation.getMessage());
		}
		var pairing = problems.containsKey("visitedOn") ? null : pairing(row, problems);
		if (!problems.isEmpty() || pairing == null) {
			return new Examined(problems, null, null, null);
		}
		VisitDetails details;
		try {
			details = service.checkImportedVisit(pairing, form);
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((field, key) -> problems.put(field, text(key)));
			return new Examined(problems, null, pairing, null);
		}
		var sameDay = visits.findByHouseholdIdOrderByVisitedOnDescIdDesc(pairing.getHousehold().getId())
			.stream()
			.filter(v -> v.getVisitedOn().equals(details.visitedOn())
					&& v.getPairing().getCadre().getId().equals(pairing.getCadre().getId()))
			.toList();
		for (var visit : sameDay) {
			if (same(visit, details)) {
				return new Examined(problems, visit, pairing, details);
			}
		}
		if (!sameDay.isEmpty()) {
			problems.put("visitedOn", text("visit.import.sameDay"));
		}
		return new Examined(problems, null, pairing, details);
	}

	private static boolean same(Visit visit, VisitDetails details) {
		return visit.getKind() == details.kind() && visit.getVisitors().equals(details.visitors())
				&& Objects.equals(visit.getFindings(), details.findings())
				&& Objects.equals(visit.getActionsTaken(), details.actionsTaken())
				&& visit.getAidAmount().compareTo(details.aidAmount()) == 0
				&& visit.isFollowUpNeeded() == details.followUpNeeded();
	}

	/** The pairing of the household with the cadre that covers the visit's date, in the program named where two do. */
	private @Nullable Pairing pairing(Row row, Map<String, String> problems) {
		var idNumber = IdNumber.normalize(row.householdIdNumber());
		if (idNumber.isEmpty()) {
			problems.put("householdIdNumber", text("validation.required"));
			return null;
		}
		var household = households.findByIdNumber(idNumber).filter(h -> scope.contains(h.getRegionCode())).orElse(null);
		if (household == null) {
			problems.put("householdIdNumber", text("pairing.import.household"));
			return null;
		}
		var cadre = cadre(row, problems);
		if (cadre == null) {
			return null;
		}
		var date = LocalDate.parse(Objects.requireNonNull(row.visitedOn()));
		var theirs = pairings.findByHouseholdIdOrderByStartedOnDescIdDesc(household.getId())
			.stream()
			.filter(p -> p.getCadre().getId().equals(cadre.getId()))
			.filter(p -> row.programId() == null || row.programId().isBlank()
					|| String.valueOf(p.getProgram().getId()).equals(row.programId()))
			.toList();
		if (theirs.isEmpty()) {
			problems.put("cadreName", text("visit.import.notPaired"));
			return null;
		}
		var covering = theirs.stream()
			.filter(p -> !date.isBefore(p.getStartedOn()) && (p.getEndedOn() == null || !date.isAfter(p.getEndedOn())))
			.toList();
		if (covering.size() > 1) {
			problems.put("programId", text("visit.import.whichProgram"));
			return null;
		}
		// None covers the date: the service's own check says whether it is before or after the pairing.
		return covering.isEmpty() ? theirs.get(0) : covering.get(0);
	}

	private @Nullable Cadre cadre(Row row, Map<String, String> problems) {
		var name = row.cadreName() == null ? "" : row.cadreName().strip();
		if (name.isEmpty()) {
			problems.put("cadreName", text("validation.required"));
			return null;
		}
		var unit = row.cadreWorkUnit() == null ? "" : row.cadreWorkUnit().strip();
		var matches = cadres.findByNameAndRegionCodeStartingWith(name, scope.prefix())
			.stream()
			.filter(c -> unit.isEmpty() || unit.equals(Objects.requireNonNullElse(c.getWorkUnit(), "")))
			.toList();
		if (matches.isEmpty()) {
			problems.put(unit.isEmpty() ? "cadreName" : "cadreWorkUnit", text("pairing.import.cadre"));
			return null;
		}
		if (matches.size() > 1) {
			problems.put("cadreWorkUnit", text("pairing.import.cadreAmbiguous"));
			return null;
		}
		return matches.get(0);
	}

	private record Examined(Map<String, String> problems, @Nullable Visit existing, @Nullable Pairing pairing,
			@Nullable VisitDetails details) {
	}

	private String text(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	private static String field(ConstraintViolation<?> violation) {
		String field = "";
		for (var node : violation.getPropertyPath()) {
			if (node.getKind() == ElementKind.PROPERTY) {
				field = node.getName();
			}
		}
		return field;
	}

}
