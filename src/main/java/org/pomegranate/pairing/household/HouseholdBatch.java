package org.pomegranate.pairing.household;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.pairing.HouseholdImports.Blocker;
import org.pomegranate.pairing.HouseholdImports.Change;
import org.pomegranate.pairing.HouseholdImports.Checked;
import org.pomegranate.pairing.HouseholdImports.Outcome;
import org.pomegranate.pairing.HouseholdImports.Row;
import org.pomegranate.pairing.HouseholdImports.Undo;
import org.pomegranate.pairing.HouseholdImports.Written;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.shared.EnumBits;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.IdNumber;
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
 * The household side of a spreadsheet import: each row becomes the {@link HouseholdForm} the page
 * submits, checked by the form's own constraints (the same {@link Validator}) and by
 * {@link HouseholdService#check}, matched to an existing household by its ID number. Unlike the
 * form, an ID number registered outside the user's scope refuses the row instead of sending a
 * transfer request. One audit line per written batch, not one per row.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
public class HouseholdBatch {

	private final HouseholdService service;

	private final HouseholdRepository households;

	private final Validator validator;

	private final MessageSource messages;

	private final RegionScope scope;

	private final EthnicGroups ethnicGroups;

	private final JdbcTemplate jdbc;

	private final AuditLog auditLog;

	private volatile @Nullable List<Reference> references;

	HouseholdBatch(HouseholdService service, HouseholdRepository households, Validator validator, MessageSource messages,
			RegionScope scope, EthnicGroups ethnicGroups, JdbcTemplate jdbc, AuditLog auditLog) {
		this.service = service;
		this.households = households;
		this.validator = validator;
		this.messages = messages;
		this.scope = scope;
		this.ethnicGroups = ethnicGroups;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	public List<String> categories() {
		return Arrays.stream(HouseholdCategory.values()).map(Enum::name).toList();
	}

	public List<Checked> check(List<Row> rows) {
		return rows.stream().map(row -> toChecked(examine(row))).toList();
	}

	/**
	 * Writes the rows still valid now; the others come back with their problems, keyed by their
	 * index in {@code rows}, so the caller decides whether a refused row undoes the whole batch.
	 */
	@Transactional
	public Outcome write(long batchId, List<Row> rows) {
		var written = new ArrayList<Written>();
		var refused = new LinkedHashMap<Integer, Map<String, String>>();
		var created = new ArrayList<Household>();
		var updated = new ArrayList<Household>();
		var befores = new HashMap<Household, Map<String, String>>();
		for (int i = 0; i < rows.size(); i++) {
			var examined = examine(rows.get(i));
			if (!examined.problems.isEmpty()) {
				refused.put(i, examined.problems);
				continue;
			}
			var details = Objects.requireNonNull(examined.details);
			var existing = examined.existing;
			if (existing == null) {
				var household = new Household(details);
				household.importedBy(batchId);
				created.add(household);
			}
			else if (!changes(existing.details(), details).isEmpty()) {
				befores.put(existing, before(existing));
				existing.apply(details);
				existing.importedBy(batchId);
				updated.add(existing);
			}
		}
		households.saveAll(created);
		households.saveAll(updated);
		households.flush();
		created.forEach(h -> written.add(new Written(h.getId(), true, h.getVersion(), Map.of())));
		updated.forEach(h -> written.add(new Written(h.getId(), false, h.getVersion(), befores.get(h))));
		if (!written.isEmpty()) {
			auditLog.record(AuditAction.CREATE, HouseholdService.ENTITY, "import:" + batchId,
					"导入新增 " + created.size() + " 户，更新 " + updated.size() + " 户");
		}
		return new Outcome(written, refused);
	}

	public List<Blocker> blockers(List<Undo> undos) {
		var blockers = new ArrayList<Blocker>();
		for (var undo : undos) {
			var found = households.findById(undo.householdId()).orElse(null);
			if (found == null) {
				continue;
			}
			if (!scope.contains(found.getRegionCode())) {
				blockers.add(blocker(found, "household.undo.movedAway"));
			}
			else if (found.getVersion() != undo.version()) {
				blockers.add(blocker(found, "household.undo.editedSince"));
			}
			else if (undo.created()) {
				for (var reference : references()) {
					if (Boolean.TRUE.equals(jdbc.queryForObject(
							"select exists (select 1 from " + reference.table() + " where " + reference.column() + " = ?)",
							Boolean.class, found.getId()))) {
						blockers.add(new Blocker(found.getId(), found.getHeadName(),
								messages.getMessage("household.undo.referenced", new Object[] { reference.label(messages) },
										LocaleContextHolder.getLocale())));
					}
				}
			}
		}
		return blockers;
	}

	@Transactional
	public void undo(long batchId, List<Undo> undos) {
		if (!blockers(undos).isEmpty()) {
			throw new BusinessRuleException("household.undo.blocked");
		}
		var removed = new ArrayList<Long>();
		for (var undo : undos) {
			var household = households.findById(undo.householdId()).orElse(null);
			if (household == null) {
				continue;
			}
			if (undo.created()) {
				removed.add(household.getId());
			}
			else {
				household.restore(details(undo.before()), batchOf(undo.before()));
				households.save(household);
			}
		}
		households.flush();
		if (!removed.isEmpty()) {
			// One statement, so the statement-level tally triggers count the batch once.
			BulkStatements.deleteByIds(jdbc, "household", removed);
		}
		auditLog.record(AuditAction.DELETE, HouseholdService.ENTITY, "import:" + batchId,
				"撤销导入：删除 " + removed.size() + " 户，恢复 " + (undos.size() - removed.size()) + " 户");
	}

	private Examined examine(Row row) {
		var problems = new LinkedHashMap<String, String>();
		var categories = new ArrayList<HouseholdCategory>();
		for (var code : row.categories()) {
			try {
				categories.add(HouseholdCategory.valueOf(code));
			}
			catch (IllegalArgumentException ex) {
				problems.put("categories", text("household.import.category"));
			}
		}
		var idNumber = IdNumber.normalize(row.idNumber());
		var existing = idNumber.isEmpty() ? null
				: households.findByIdNumber(idNumber).filter(found -> scope.contains(found.getRegionCode())).orElse(null);
		var form = new HouseholdForm(row.headName(), row.idNumber(), row.ethnicity(), row.phone(), row.regionCode(),
				row.address(), row.memberCount(), categories, row.notes(), existing == null ? 0L : existing.getVersion(),
				null);
		for (ConstraintViolation<HouseholdForm> violation : validator.validate(form)) {
			problems.putIfAbsent(field(violation), violation.getMessage());
		}
		if (!problems.isEmpty()) {
			return new Examined(problems, existing, null);
		}
		try {
			return new Examined(problems, existing, service.check(form, existing, false));
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((field, key) -> problems.put(field, text(key)));
			return new Examined(problems, existing, null);
		}
	}

	private Checked toChecked(Examined examined) {
		if (!examined.problems.isEmpty() || examined.existing == null) {
			return new Checked(examined.problems, examined.existing == null ? null : examined.existing.getId(), List.of());
		}
		return new Checked(Map.of(), examined.existing.getId(),
				changes(examined.existing.details(), Objects.requireNonNull(examined.details)));
	}

	private record Examined(Map<String, String> problems, @Nullable Household existing,
			@Nullable HouseholdDetails details) {
	}

	/** The fields that differ, as the page shows them: personal data masked, groups and categories by name. */
	private List<Change> changes(HouseholdDetails before, HouseholdDetails after) {
		var changes = new ArrayList<Change>();
		compare(changes, "headName", before.headName(), after.headName());
		compare(changes, "ethnicity", ethnicGroups.name(before.ethnicity()), ethnicGroups.name(after.ethnicity()));
		compare(changes, "phone", Masking.phone(before.phone()), Masking.phone(after.phone()));
		if (!Objects.equals(before.phone(), after.phone()) && Masking.phone(before.phone()).equals(Masking.phone(after.phone()))) {
			changes.add(new Change("phone", Masking.phone(before.phone()), Masking.phone(after.phone())));
		}
		compare(changes, "regionCode", before.regionCode(), after.regionCode());
		compare(changes, "address", before.address(), after.address());
		compare(changes, "memberCount", String.valueOf(before.memberCount()), String.valueOf(after.memberCount()));
		compare(changes, "categories", labels(before.categories()), labels(after.categories()));
		compare(changes, "notes", before.notes(), after.notes());
		return changes;
	}

	private static void compare(List<Change> changes, String field, @Nullable String before, @Nullable String after) {
		var was = before == null ? "" : before;
		var is = after == null ? "" : after;
		if (!was.equals(is)) {
			changes.add(new Change(field, was, is));
		}
	}

	private String labels(Set<HouseholdCategory> categories) {
		return categories.stream()
			.sorted()
			.map(c -> messages.getMessage("HouseholdCategory." + c.name(), null, c.name(), LocaleContextHolder.getLocale()))
			.collect(Collectors.joining("、"));
	}

	private static Map<String, String> before(Household household) {
		var before = new LinkedHashMap<String, String>();
		before.put("headName", household.getHeadName());
		before.put("idNumber", household.getIdNumber());
		before.put("ethnicity", household.getEthnicity());
		before.put("phone", Objects.requireNonNullElse(household.getPhone(), ""));
		before.put("regionCode", household.getRegionCode());
		before.put("address", Objects.requireNonNullElse(household.getAddress(), ""));
		before.put("memberCount", String.valueOf(household.getMemberCount()));
		before.put("categories", String.valueOf(household.getCategories()));
		before.put("notes", Objects.requireNonNullElse(household.getNotes(), ""));
		before.put("importBatchId", household.getImportBatchId() == null ? "" : household.getImportBatchId().toString());
		return before;
	}

	private static HouseholdDetails details(Map<String, String> before) {
		return new HouseholdDetails(before.get("headName"), before.get("idNumber"), before.get("ethnicity"),
				blankToNull(before.get("phone")), before.get("regionCode"), blankToNull(before.get("address")),
				Integer.parseInt(before.get("memberCount")),
				EnumBits.toSet(HouseholdCategory.class, Integer.parseInt(before.get("categories"))),
				blankToNull(before.get("notes")));
	}

	private static @Nullable Long batchOf(Map<String, String> before) {
		var batch = before.getOrDefault("importBatchId", "");
		return batch.isEmpty() ? null : Long.valueOf(batch);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return text == null || text.isEmpty() ? null : text;
	}

	private Blocker blocker(Household household, String key) {
		return new Blocker(household.getId(), household.getHeadName(), text(key));
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

	/**
	 * The tables that point at households, read from the catalogue rather than listed, so that a
	 * record any module adds later (a petition, a title) blocks an undo without a line here.
	 */
	private List<Reference> references() {
		var found = references;
		if (found == null) {
			found = jdbc.query("""
					select c.conrelid::regclass::text, a.attname
					from pg_constraint c
					join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
					where c.contype = 'f' and c.confrelid = 'household'::regclass
					order by 1
					""", (rs, n) -> new Reference(rs.getString(1), rs.getString(2)));
			references = found;
		}
		return found;
	}

	private record Reference(String table, String column) {

		String label(MessageSource messages) {
			return messages.getMessage("household.undo.table." + table, null, table, LocaleContextHolder.getLocale());
		}

	}

}
