package org.pomegranate.pairing.program;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.pairing.PairingImports.Blocker;
import org.pomegranate.pairing.PairingImports.Checked;
import org.pomegranate.pairing.PairingImports.Outcome;
import org.pomegranate.pairing.PairingImports.Row;
import org.pomegranate.pairing.PairingImports.Undo;
import org.pomegranate.pairing.PairingImports.Written;
import org.pomegranate.pairing.cadre.Cadre;
import org.pomegranate.pairing.cadre.CadreRepository;
import org.pomegranate.pairing.household.Household;
import org.pomegranate.pairing.household.HouseholdRepository;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.IdNumber;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.database.BulkStatements;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pairing side of a spreadsheet import: each row finds its program among those the user works
 * in, its household by ID number and its cadre by name (and unit) within the user's scope, then
 * passes {@link PairingService#checkImported}, the rules of pairing on the page. Rows are written
 * one by one and flushed, so that a cadre's quota counts the pairings of the rows before. One
 * audit line per written batch.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
public class PairingBatch {

	private final PairingService service;

	private final PairingRepository pairings;

	private final HouseholdRepository households;

	private final CadreRepository cadres;

	private final RegionScope scope;

	private final MessageSource messages;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	PairingBatch(PairingService service, PairingRepository pairings, HouseholdRepository households,
			CadreRepository cadres, RegionScope scope, MessageSource messages, JdbcTemplate jdbc, AuditLog auditLog,
			Clock clock) {
		this.service = service;
		this.pairings = pairings;
		this.households = households;
		this.cadres = cadres;
		this.scope = scope;
		this.messages = messages;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	public Map<String, String> programs() {
		var programs = new LinkedHashMap<String, String>();
		for (var program : service.visiblePrograms()) {
			if (program.isActive()) {
				programs.put(String.valueOf(program.getId()), program.getName());
			}
		}
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
			var pairing = new Pairing(Objects.requireNonNull(examined.program), Objects.requireNonNull(examined.cadre),
					Objects.requireNonNull(examined.household), Objects.requireNonNull(examined.start));
			pairing.importedBy(batchId);
			pairings.saveAndFlush(pairing);
			written.add(new Written(pairing.getId(), pairing.getVersion()));
		}
		if (!written.isEmpty()) {
			auditLog.record(AuditAction.CREATE, PairingService.PAIRING, "import:" + batchId, "导入结对 " + written.size() + " 对");
		}
		return new Outcome(written, refused);
	}

	public List<Blocker> blockers(List<Undo> undos) {
		var blockers = new ArrayList<Blocker>();
		for (var undo : undos) {
			var found = pairings.findById(undo.pairingId()).orElse(null);
			if (found == null) {
				continue;
			}
			var name = found.getCadre().getName() + " ↔ " + found.getHousehold().getHeadName();
			if (!scope.contains(found.getRegionCode())) {
				blockers.add(new Blocker(found.getId(), name, text("pairing.undo.movedAway")));
			}
			else if (found.getVersion() != undo.version() || !found.isActive()) {
				blockers.add(new Blocker(found.getId(), name, text("pairing.undo.editedSince")));
			}
			else if (Boolean.TRUE.equals(
					jdbc.queryForObject("select exists (select 1 from visit where pairing_id = ?)", Boolean.class, found.getId()))) {
				blockers.add(new Blocker(found.getId(), name, text("pairing.undo.visited")));
			}
		}
		return blockers;
	}

	@Transactional
	public void undo(long batchId, List<Undo> undos) {
		if (!blockers(undos).isEmpty()) {
			throw new BusinessRuleException("pairing.undo.blocked");
		}
		var removed = undos.stream().map(Undo::pairingId).toList();
		// One statement, so that the statement-level tally triggers (cadre load, coverage) count the batch once.
		BulkStatements.deleteByIds(jdbc, "pairing", removed);
		auditLog.record(AuditAction.DELETE, PairingService.PAIRING, "import:" + batchId, "撤销导入：删除结对 " + removed.size() + " 对");
	}

	private Examined examine(Row row) {
		var problems = new LinkedHashMap<String, String>();
		PairingProgram program = null;
		if (row.programId() == null || row.programId().isBlank()) {
			problems.put("programId", text("validation.required"));
		}
		else {
			program = service.visiblePrograms()
				.stream()
				.filter(p -> String.valueOf(p.getId()).equals(row.programId()))
				.findFirst()
				.orElse(null);
			if (program == null) {
				problems.put("programId", text("pairing.import.program"));
			}
		}
		var idNumber = IdNumber.normalize(row.householdIdNumber());
		Household household = null;
		if (idNumber.isEmpty()) {
			problems.put("householdIdNumber", text("validation.required"));
		}
		else {
			household = households.findByIdNumber(idNumber).filter(h -> scope.contains(h.getRegionCode())).orElse(null);
			if (household == null) {
				problems.put("householdIdNumber", text("pairing.import.household"));
			}
		}
		var cadre = cadre(row, problems);
		LocalDate start = ChinaTime.today(clock);
		if (row.startedOn() != null && !row.startedOn().isBlank()) {
			try {
				start = LocalDate.parse(row.startedOn());
			}
			catch (DateTimeParseException ex) {
				problems.put("startedOn", text("pairing.import.date"));
			}
		}
		if (!problems.isEmpty()) {
			return new Examined(problems, null, program, cadre, household, start);
		}
		var active = pairings.findActive(household.getId(), program.getId()).orElse(null);
		if (active != null) {
			if (active.getCadre().getId().equals(cadre.getId())) {
				return new Examined(problems, active, program, cadre, household, start);
			}
			problems.put("cadreName", text("pairing.import.pairedElsewhere", active.getCadre().getName()));
			return new Examined(problems, null, program, cadre, household, start);
		}
		try {
			service.checkImported(program, cadre, household, start);
		}
		catch (BusinessRuleException ex) {
			problems.put(field(ex.messageKey()), text(ex.messageKey(), ex.arguments()));
		}
		return new Examined(problems, null, program, cadre, household, start);
	}

	/** The cadre of the user's scope by name; by name and unit where the unit is given or two share the name. */
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
			.filter(c -> !unit.isEmpty() || c.isActive())
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

	/** The column a refusal of {@link PairingService#checkImported} belongs to. */
	private static String field(String messageKey) {
		return switch (messageKey) {
			case "pairing.error.programInactive", "pairing.error.outsideProgram" -> "programId";
			case "pairing.error.notTarget" -> "householdIdNumber";
			case "validation.futureDate" -> "startedOn";
			default -> "cadreName";
		};
	}

	private record Examined(Map<String, String> problems, @Nullable Pairing existing, @Nullable PairingProgram program,
			@Nullable Cadre cadre, @Nullable Household household, @Nullable LocalDate start) {
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

}
