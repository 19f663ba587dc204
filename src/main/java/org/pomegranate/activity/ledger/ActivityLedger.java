package org.pomegranate.activity.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.pomegranate.audit.AuditAction;
import org.pomegranate.audit.AuditLog;
import org.pomegranate.files.FileStore;
import org.pomegranate.files.StoredFileInfo;
import org.pomegranate.files.Upload;
import org.pomegranate.pairing.PairingDirectory;
import org.pomegranate.pairing.PairingDirectory.CadreSummary;
import org.pomegranate.region.RegionService;
import org.pomegranate.shared.CappedPages;
import org.pomegranate.shared.ChinaTime;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.EthnicGroups;
import org.pomegranate.shared.FieldProblems;
import org.pomegranate.shared.FormText;
import org.pomegranate.shared.Like;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.RegionCode;
import org.pomegranate.shared.RegionLevel;
import org.pomegranate.shared.RegionScope;
import org.pomegranate.shared.StaleEdits;
import org.pomegranate.shared.SubmissionTokens;
import org.pomegranate.unit.CampaignUnits;
import org.pomegranate.unit.CampaignUnits.UnitRef;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * Recording activities, correcting them and adding their photos and materials; the activity list.
 * Staff (and admins standing in) write, supervisors read, always inside the user's region: an
 * activity outside it answers as a missing one does. Photos and materials are stored with the
 * record in one transaction, after every upload has been checked.
 */
@Service
@Validated
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('STAFF', 'SUPERVISOR', 'ADMIN')")
public class ActivityLedger {

	public static final String ENTITY = "Activity";

	/** Files per kind (photos, materials) an activity takes in one form. */
	public static final int MAX_FILES = 10;

	/** How many units and cadres a form's choosers offer at most. */
	static final int CHOICES = 300;

	private final ActivityRepository activities;

	private final FileStore files;

	private final RegionService regions;

	private final RegionScope scope;

	private final CampaignUnits units;

	private final PairingDirectory people;

	private final EthnicGroups ethnicGroups;

	private final CappedPages cappedPages;

	private final SubmissionTokens submissions;

	private final AuditLog auditLog;

	private final Clock clock;

	ActivityLedger(ActivityRepository activities, FileStore files, RegionService regions, RegionScope scope,
			CampaignUnits units, PairingDirectory people, EthnicGroups ethnicGroups, CappedPages cappedPages,
			SubmissionTokens submissions, AuditLog auditLog, Clock clock) {
		this.activities = activities;
		this.files = files;
		this.regions = regions;
		this.scope = scope;
		this.units = units;
		this.people = people;
		this.ethnicGroups = ethnicGroups;
		this.cappedPages = cappedPages;
		this.submissions = submissions;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** What the signed-in user may do, by the roles the writing methods require: what the pages offer. It reads no row. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public Permissions permissions() {
		return new Permissions(CurrentRoles.anyOf("STAFF", "ADMIN"));
	}

	/** {@code record}: record activities, correct them, add their files and raise petitions from them. */
	public record Permissions(boolean record) {
	}

	public Activity get(long id) {
		return scope.check(activities.findById(id), ENTITY, id);
	}

	/** The activity if it lies in the user's scope; empty otherwise (a record beside another, shown or not). */
	public Optional<Activity> find(long id) {
		return activities.findById(id).filter(activity -> scope.contains(activity.getRegionCode()));
	}

	public Page<Activity> search(ActivityQuery query, Pageable pageable) {
		return cappedPages.find(activities, Activity.class, where(query), pageable);
	}

	/** The query as a specification: the user's scope and every filter given. */
	Specification<Activity> where(ActivityQuery query) {
		Specification<Activity> where = scope.specification();
		var text = query.searchText();
		if (text != null) {
			var pattern = Like.containing(text);
			where = where.and((root, q, cb) -> cb.or(cb.like(root.get(Activity_.title), pattern, Like.ESCAPE),
					cb.like(root.get(Activity_.place), pattern, Like.ESCAPE)));
		}
		if (query.kind() != null) {
			var kind = query.kind();
			where = where.and((root, q, cb) -> cb.equal(root.get(Activity_.kind), kind));
		}
		var regionText = FormText.clean(query.regionCode());
		if (regionText != null) {
			var region = RegionCode.parse(regionText);
			where = region.isEmpty() ? where.and((root, q, cb) -> cb.disjunction())
					: where.and((root, q, cb) -> cb.like(root.get(Activity_.regionCode), region.get() + "%"));
		}
		var from = query.fromDay();
		if (from != null) {
			where = where.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get(Activity_.startedOn), from));
		}
		var to = query.toDay();
		if (to != null) {
			where = where.and((root, q, cb) -> cb.lessThanOrEqualTo(root.get(Activity_.startedOn), to));
		}
		return where;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Activity create(@Valid ActivityForm form, List<Upload> photos, List<Upload> materials) {
		var claim = submissions.claim(form.submission(), ENTITY);
		if (claim.earlier().isPresent()) {
			return get(claim.earlierId().orElseThrow());
		}
		var problems = new FieldProblems();
		var details = check(form, problems);
		checkFiles(photos, materials, problems);
		problems.throwIfAny();
		var activity = activities.saveAndFlush(new Activity(Objects.requireNonNull(details), scope.currentUsername()));
		claim.made(activity.getId());
		storeFiles(activity, photos, materials);
		auditLog.record(AuditAction.CREATE, ENTITY, activity.getId(), describe(activity) + files(photos, materials));
		return activity;
	}

	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Activity update(long id, long version, @Valid ActivityForm form, List<Upload> photos, List<Upload> materials) {
		var activity = get(id);
		StaleEdits.requireVersion(activity.getVersion(), version, ENTITY, id);
		var problems = new FieldProblems();
		var details = check(form, problems);
		checkFiles(photos, materials, problems);
		problems.throwIfAny();
		activity.edit(Objects.requireNonNull(details));
		activity = activities.saveAndFlush(activity);
		storeFiles(activity, photos, materials);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, describe(activity) + files(photos, materials));
		return activity;
	}

	/** Photos and materials added later from the activity's page; a resent form adds them once. */
	@Transactional
	@PreAuthorize("hasAnyRole('STAFF', 'ADMIN')")
	public Activity addFiles(long id, @Nullable UUID submission, List<Upload> photos, List<Upload> materials) {
		var activity = get(id);
		var claim = submissions.claim(submission, ENTITY + "Files");
		if (claim.earlier().isPresent()) {
			return activity;
		}
		var problems = new FieldProblems();
		if (photos.isEmpty() && materials.isEmpty()) {
			problems.reject("photos", "activity.files.error.none");
		}
		checkFiles(photos, materials, problems);
		problems.throwIfAny();
		storeFiles(activity, photos, materials);
		claim.made(id);
		auditLog.record(AuditAction.UPDATE, ENTITY, id, activity.getTitle() + files(photos, materials));
		return activity;
	}

	public List<StoredFileInfo> photosOf(long id) {
		get(id);
		return files.list(ActivityPhotos.KIND, id);
	}

	public List<StoredFileInfo> materialsOf(long id) {
		get(id);
		return files.list(ActivityMaterials.KIND, id);
	}

	/** The cadres who ran an activity already shown (so in scope), those since moved away by name only. */
	public Map<Long, CadreSummary> cadresOf(Activity activity) {
		return people.cadresShown(activity.getCadreIds());
	}

	/** The organising unit of an activity already shown, if the user may see it. */
	public @Nullable UnitRef unitOf(Activity activity) {
		return activity.getUnitId() == null ? null : units.find(activity.getUnitId()).orElse(null);
	}

	/** The units a form offers as organiser: 在册 units of the user's scope, those of the form's county first. */
	public List<UnitRef> unitChoices() {
		return units.search(null, null, null, CHOICES);
	}

	/** The cadres a form offers: active cadres of the user's scope. */
	public List<CadreSummary> cadreChoices() {
		return people.activeCadres(null, null, CHOICES);
	}

	public LocalDate today() {
		return ChinaTime.today(clock);
	}

	/** The form's own fields are checked by its constraints; here the region, unit, cadres, ethnic groups and the rules. */
	private @Nullable ActivityDetails check(ActivityForm form, FieldProblems problems) {
		var regionCode = FormText.digits(form.regionCode());
		var region = regionCode == null ? null : regions.find(regionCode).orElse(null);
		if (region == null || !scope.contains(region.getCode()) || region.isRetired()
				|| RegionCode.of(region.getCode()).isAbove(RegionLevel.COUNTY)) {
			problems.reject("regionCode", "activity.error.region");
		}
		Long unitId = form.unitId();
		if (unitId != null && units.find(unitId).isEmpty()) {
			problems.reject("unitId", "activity.error.unit");
		}
		var cadreIds = new LinkedHashSet<Long>();
		for (var cadreId : form.cadreIds() == null ? List.<Long>of() : form.cadreIds()) {
			if (cadreId == null) {
				continue;
			}
			try {
				people.cadre(cadreId);
				cadreIds.add(cadreId);
			}
			catch (RecordNotFoundException ex) {
				problems.reject("cadreIds", "activity.error.cadre");
			}
		}
		var byEthnicGroup = ethnicGroups(form, problems);
		var started = FormText.date(form.startedOn());
		var ended = FormText.date(form.endedOn());
		var destination = FormText.clean(form.destination());
		if (form.kind() == ActivityKind.EXCHANGE && destination == null) {
			problems.reject("destination", "activity.error.destinationRequired");
		}
		Integer participants = FormText.wholeNumber(form.participants());
		if (region == null || started == null || participants == null || form.kind() == null || problems.has("regionCode")) {
			return null;
		}
		var details = new ActivityDetails(form.kind(), Objects.requireNonNull(FormText.clean(form.title())), started,
				ended == null ? started : ended, region.getCode(), FormText.clean(form.place()),
				destination, unitId, participants,
				FormText.wholeNumber(form.cadreParticipants()), FormText.wholeNumber(form.publicParticipants()),
				FormText.wholeNumber(form.studentParticipants()), byEthnicGroup, cadreIds, FormText.clean(form.summary()));
		Activity.refusal(details).ifPresent(key -> problems.reject(switch (key) {
			case "activity.error.endedOn" -> "endedOn";
			case "activity.error.groups" -> "cadreParticipants";
			case "activity.error.ethnicGroups" -> "ethnicCounts";
			default -> "destination";
		}, key));
		return details;
	}

	private Map<String, Integer> ethnicGroups(ActivityForm form, FieldProblems problems) {
		var codes = form.ethnicCodeRows();
		var counts = form.ethnicCountRows();
		var byCode = new TreeMap<String, Integer>();
		for (int row = 0; row < Math.max(codes.size(), counts.size()); row++) {
			var code = FormText.clean(row < codes.size() ? codes.get(row) : null);
			var count = FormText.wholeNumber(row < counts.size() ? counts.get(row) : null);
			if (code == null && count == null) {
				continue;
			}
			if (code == null || !ethnicGroups.exists(code) || count == null || count < 1 || byCode.containsKey(code)) {
				problems.reject("ethnicCounts", "activity.error.ethnicRow");
				continue;
			}
			byCode.put(code, count);
		}
		return byCode;
	}

	private void checkFiles(List<Upload> photos, List<Upload> materials, FieldProblems problems) {
		check(ActivityPhotos.KIND, photos, "photos", problems);
		check(ActivityMaterials.KIND, materials, "materials", problems);
	}

	private void check(String ownerKind, List<Upload> uploads, String field, FieldProblems problems) {
		if (uploads.size() > MAX_FILES) {
			problems.reject(field, "activity.files.error.tooMany");
		}
		for (var upload : uploads) {
			files.check(ownerKind, upload).ifPresent(refusal -> problems.reject(field, switch (refusal) {
				case EMPTY -> "activity.files.error.empty";
				case TOO_BIG -> "activity.files.error.tooBig." + field;
				case WRONG_TYPE -> "activity.files.error.type." + field;
			}));
		}
	}

	private void storeFiles(Activity activity, List<Upload> photos, List<Upload> materials) {
		for (var photo : photos) {
			files.store(ActivityPhotos.KIND, activity.getId(), activity.getRegionCode(), photo);
		}
		for (var material : materials) {
			files.store(ActivityMaterials.KIND, activity.getId(), activity.getRegionCode(), material);
		}
	}

	private static String describe(Activity activity) {
		return activity.getKind() + " " + activity.getTitle() + " " + activity.getStartedOn() + " @"
				+ activity.getRegionCode() + "，" + activity.getParticipants() + " 人次";
	}

	private static String files(List<Upload> photos, List<Upload> materials) {
		var parts = new ArrayList<String>();
		if (!photos.isEmpty()) {
			parts.add("照片 " + photos.size() + " 张");
		}
		if (!materials.isEmpty()) {
			parts.add("材料 " + materials.size() + " 份");
		}
		return parts.isEmpty() ? "" : "，" + String.join("，", parts);
	}

}
