package org.pomegranate.pairing.cadre;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.pomegranate.pairing.CadreImports.Blocker;
import org.pomegranate.pairing.CadreImports.Change;
import org.pomegranate.pairing.CadreImports.Checked;
import org.pomegranate.pairing.CadreImports.Outcome;
import org.pomegranate.pairing.CadreImports.Row;
import org.pomegranate.pairing.CadreImports.Undo;
import org.pomegranate.pairing.CadreImports.Written;
import org.pomegranate.pairing.household.Gender;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.Masking;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.database.BulkStatements;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadre side of a spreadsheet import: each row becomes the {@link CadreForm} the page submits,
 * checked by the form's own constraints (the same {@link Validator}) and by
 * {@link CadreService#check}, matched to a cadre of the user's scope by name and work unit. Two
 * cadres of one name in one unit make the row ambiguous rather than guessed. One audit line per
 * written batch, not one per row.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
public class CadreBatch {

	private final CadreService service;

	private final CadreRepository cadres;

	private final Validator validator;

	private final MessageSource messages;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private volatile @Nullable List<Reference> references;

	CadreBatch(CadreService service, CadreRepository cadres, Validator validator, MessageSource messages,
			RegionScope scope, EthnicGroups ethnicGroups, JdbcTemplate jdbc, AuditLog auditLog) {
		this.service = service;
		this.cadres = cadres;
		this.validator = validator;
		this.messages = messages;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	public List<String> genders() {
		return Arrays.stream(Gender.values()).map(Enum::name).toList();
	}

	public List<String> levels() {
		return Arrays.stream(CadreLevel.values()).map(Enum::name).toList();
	}

	public List<Checked> check(List<Row> rows) {
		return rows.stream().map(row -> {
			var examined = examine(row);
			if (!examined.problems.isEmpty() || examined.existing == null) {
				return new Checked(examined.problems, examined.existing == null ? null : examined.existing.getId(), List.of());
			}
			return new Checked(Map.of(), examined.existing.getId(),
					changes(examined.existing.details(), Objects.requireNonNull(examined.details)));
		}).toList();
	}

	/** Writes the rows still valid now; the others come back with their problems, by their index in {@code rows}. */
	@Transactional
	public Outcome write(long batchId, List<Row> rows) {
		var refused = new LinkedHashMap<Integer, Map<String, String>>();
		var created = new ArrayList<Cadre>();
		var updated = new ArrayList<Cadre>();
		var befores = new HashMap<Cadre, Map<String, String>>();
		for (int i = 0; i < rows.size(); i++) {
			var examined = examine(rows.get(i));
			if (!examined.problems.isEmpty()) {
				refused.put(i, examined.problems);
				continue;
			}
			var details = Objects.requireNonNull(examined.details);
			var existing = examined.existing;
			if (existing == null) {
				var cadre = new Cadre(details);
				cadre.importedBy(batchId);
				created.add(cadre);
			}
			else if (!changes(existing.details(), details).isEmpty()) {
				befores.put(existing, before(existing));
				existing.apply(details);
				existing.importedBy(batchId);
				updated.add(existing);
			}
		}
		cadres.saveAll(created);
		cadres.saveAll(updated);
		cadres.flush();
		var written = new ArrayList<Written>();
		created.forEach(c -> written.add(new Written(c.getId(), true, c.getVersion(), Map.of())));
		updated.forEach(c -> written.add(new Written(c.getId(), false, c.getVersion(), befores.get(c))));
		if (!written.isEmpty()) {
			auditLog.record(AuditAction.CREATE, CadreService.ENTITY, "import:" + batchId,
					"导入新增 " + created.size() + " 人，更新 " + updated.size() + " 人");
		}
		return new Outcome(written, refused);
	}

	public List<Blocker> blockers(List<Undo> undos) {
		var blockers = new ArrayList<Blocker>();
		for (var undo : undos) {
			var found = cadres.findById(undo.cadreId()).orElse(null);
			if (found == null) {
				continue;
			}
			if (!scope.contains(found.getRegionCode())) {
				blockers.add(blocker(found, text("cadre.undo.movedAway")));
			}
			else if (found.getVersion() != undo.version()) {
				blockers.add(blocker(found, text("cadre.undo.editedSince")));
			}
			else if (undo.created()) {
				for (var reference : references()) {
					if (Boolean.TRUE.equals(jdbc.queryForObject(
							"select exists (select 1 from " + reference.table() + " where " + reference.column() + " = ?)",
							Boolean.class, found.getId()))) {
						blockers.add(blocker(found, messages.getMessage("cadre.undo.referenced",
								new Object[] { reference.label(messages) }, LocaleContextHolder.getLocale())));
					}
				}
			}
		}
		return blockers;
	}

	@Transactional
	public void undo(long batchId, List<Undo> undos) {
		if (!blockers(undos).isEmpty()) {
			throw new BusinessRuleException("cadre.undo.blocked");
		}
		var removed = new ArrayList<Long>();
		for (var undo : undos) {
			var cadre = cadres.findById(undo.cadreId()).orElse(null);
			if (cadre == null) {
				continue;
			}
			if (undo.created()) {
				removed.add(cadre.getId());
			}
			else {
				cadre.restore(details(undo.before()), batchOf(undo.before()));
				cadres.save(cadre);
			}
		}
		cadres.flush();
		if (!removed.isEmpty()) {
			// One statement, so that statement-level tally triggers count the batch once.
			BulkStatements.deleteByIds(jdbc, "cadre", removed);
		}
		auditLog.record(AuditAction.DELETE, CadreService.ENTITY, "import:" + batchId,
				"撤销导入：删除 " + removed.size() + " 人，恢复 " + (undos.size() - removed.size()) + " 人");
	}

	private Examined examine(Row row) {
		var problems = new LinkedHashMap<String, String>();
		var gender = parse(Gender.class, row.gender(), "gender", problems);
		var level = parse(CadreLevel.class, row.level(), "level", problems);
		Cadre existing = null;
		var name = clean(row.name());
		if (!name.isEmpty()) {
			var unit = clean(row.workUnit());
			var matches = cadres.findByNameAndRegionCodeStartingWith(name, scope.prefix())
				.stream()
				.filter(c -> unit.equals(clean(c.getWorkUnit())))
				.toList();
			if (matches.size() > 1) {
				problems.put("name", text("cadre.import.ambiguous"));
			}
			else if (matches.size() == 1) {
				existing = matches.get(0);
			}
		}
		var form = new CadreForm(row.name(), gender, row.ethnicity(), row.workUnit(), row.position(), level,
				row.regionCode(), row.phone(), existing == null ? 0L : existing.getVersion(), null);
		for (ConstraintViolation<CadreForm> violation : validator.validate(form)) {
			problems.putIfAbsent(field(violation), violation.getMessage());
		}
		if (!problems.isEmpty()) {
			return new Examined(problems, existing, null);
		}
		try {
			return new Examined(problems, existing, service.check(form, existing));
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((field, key) -> problems.put(field, text(key)));
			return new Examined(problems, existing, null);
		}
	}

	private <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable String code, String field,
			Map<String, String> problems) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, code);
		}
		catch (IllegalArgumentException ex) {
			problems.put(field, text("cadre.import.choice"));
			return null;
		}
	}

	private record Examined(Map<String, String> problems, @Nullable Cadre existing, @Nullable CadreDetails details) {
	}

	/** The fields that differ, as the page shows them: the phone masked, groups and levels by name. */
	private List<Change> changes(CadreDetails before, CadreDetails after) {
		var changes = new ArrayList<Change>();
		compare(changes, "name", before.name(), after.name());
		compare(changes, "gender", label("Gender." + before.gender()), label("Gender." + after.gender()));
		compare(changes, "ethnicity", ethnicGroups.name(before.ethnicity()), ethnicGroups.name(after.ethnicity()));
		compare(changes, "workUnit", before.workUnit(), after.workUnit());
		compare(changes, "position", before.position(), after.position());
		compare(changes, "level", label("CadreLevel." + before.level()), label("CadreLevel." + after.level()));
		compare(changes, "regionCode", before.regionCode(), after.regionCode());
		if (!Objects.equals(before.phone(), after.phone())) {
			changes.add(new Change("phone", Masking.phone(before.phone()), Masking.phone(after.phone())));
		}
		return changes;
	}

	private static void compare(List<Change> changes, String field, @Nullable String before, @Nullable String after) {
		var was = before == null ? "" : before;
		var is = after == null ? "" : after;
		if (!was.equals(is)) {
			changes.add(new Change(field, was, is));
		}
	}

	private static Map<String, String> before(Cadre cadre) {
		var before = new LinkedHashMap<String, String>();
		before.put("name", cadre.getName());
		before.put("gender", cadre.getGender().name());
		before.put("ethnicity", cadre.getEthnicity());
		before.put("workUnit", Objects.requireNonNullElse(cadre.getWorkUnit(), ""));
		before.put("position", Objects.requireNonNullElse(cadre.getPosition(), ""));
		before.put("level", cadre.getLevel().name());
		before.put("regionCode", cadre.getRegionCode());
		before.put("phone", Objects.requireNonNullElse(cadre.getPhone(), ""));
		before.put("importBatchId", cadre.getImportBatchId() == null ? "" : cadre.getImportBatchId().toString());
		return before;
	}

	private static CadreDetails details(Map<String, String> before) {
		return new CadreDetails(before.get("name"), Gender.valueOf(before.get("gender")), before.get("ethnicity"),
				blankToNull(before.get("workUnit")), blankToNull(before.get("position")),
				CadreLevel.valueOf(before.get("level")), before.get("regionCode"), blankToNull(before.get("phone")));
	}

	private static @Nullable Long batchOf(Map<String, String> before) {
		var batch = before.getOrDefault("importBatchId", "");
		return batch.isEmpty() ? null : Long.valueOf(batch);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isEmpty() ? null : text;
	}

	private static String clean(@Nullable String text) {
		return text == null ? "" : text.strip();
	}

	private static Blocker blocker(Cadre cadre, String reason) {
		return new Blocker(cadre.getId(), cadre.getName(), reason);
	}

	private String label(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
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

	/** The tables that point at cadres, read from the catalogue, so that a later module's records block an undo too. */
	private List<Reference> references() {
		var found = references;
		if (found == null) {
			found = jdbc.query("""
					select c.conrelid::regclass::text, a.attname
					from pg_constraint c
					join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
					where c.contype = 'f' and c.confrelid = 'cadre'::regclass
					order by 1
					""", (rs, n) -> new Reference(rs.getString(1), rs.getString(2)));
			references = found;
		}
		return found;
	}

	private record Reference(String table, String column) {

		String label(MessageSource messages) {
			return messages.getMessage("cadre.undo.table." + table, null, table, LocaleContextHolder.getLocale());
		}

	}

}
