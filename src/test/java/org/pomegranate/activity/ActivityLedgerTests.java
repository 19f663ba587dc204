package org.pomegranate.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pomegranate.activity.ActivityForms.activity;
import static org.pomegranate.activity.ledger.ActivityKind.EXCHANGE;
import static org.pomegranate.activity.ledger.ActivityKind.PUBLICITY;
import static org.pomegranate.activity.ledger.ActivityKind.SEMINAR;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pomegranate.IntegrationTest;
import org.pomegranate.activity.ledger.ActivityForm;
import org.pomegranate.activity.ledger.ActivityLedger;
import org.pomegranate.activity.ledger.ActivityQuery;
import org.pomegranate.files.Upload;
import org.pomegranate.petition.loop.PetitionForm;
import org.pomegranate.petition.loop.PetitionService;
import org.pomegranate.petition.loop.PetitionSource;
import org.pomegranate.petition.loop.Urgency;
import org.pomegranate.shared.InvalidInputException;
import org.pomegranate.shared.RecordNotFoundException;
import org.pomegranate.shared.SubmissionTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The rules of the activities ledger in its service, as the users of a test prefecture meet them:
 * who may record and read, the region scope (outside it an activity answers as a missing one),
 * optimistic locking, a double submission, bad input and bad uploads refused before anything is
 * written, and a petition registered at an activity.
 */
@IntegrationTest
class ActivityLedgerTests {

	static final ActivityFixtures PLACES = new ActivityFixtures("5196");

	private static final LocalDate DAY = LocalDate.of(2025, 5, 12);

	@Autowired
	ActivityLedger ledger;

	@Autowired
	PetitionService petitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	UserDetailsService users;

	@BeforeEach
	void places() {
		PLACES.create(jdbc);
	}

	@Test
	void staffRecordAnActivityWithItsGroupsEthnicGroupsCadresAndPhotosAndSupervisorsReadIt() throws IOException {
		var cadre = ActivityFixtures.cadre(jdbc, "活动测试干部", PLACES.township());
		var photo = Upload.of("宣讲现场.png", png());
		var created = as(PLACES.staff(), () -> ledger.create(activity(PUBLICITY, "政策宣讲进村", PLACES.village()).on(DAY)
			.participants(45)
			.groups(5, 30, 10)
			.ethnicGroup("04", "30")
			.ethnicGroup("01", "15")
			.cadre(cadre)
			.form(), List.of(photo), List.of()));
		var read = as(PLACES.supervisor(), () -> ledger.get(created.getId()));
		assertThat(read.getParticipants()).isEqualTo(45);
		assertThat(read.getEndedOn()).as("one day when no last day is typed").isEqualTo(DAY);
		assertThat(read.ethnicGroupsInOrder()).containsExactly(Map.entry("01", 15), Map.entry("04", 30));
		assertThat(read.getCadreIds()).containsExactly(cadre);
		assertThat(as(PLACES.supervisor(), () -> ledger.photosOf(created.getId()))).singleElement()
			.satisfies(file -> assertThat(file.filename()).isEqualTo("宣讲现场.png"));
		assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'Activity' and entity_id = ?",
				Long.class, String.valueOf(created.getId()))).isEqualTo(1);

		assertThatThrownBy(() -> as(PLACES.supervisor(), () -> ledger.create(activity(PUBLICITY, "督导不能登记", PLACES.village())
			.form(), List.of(), List.of()))).as("supervisors read only").isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> as(PLACES.reviewer(), () -> ledger.get(created.getId())))
			.as("reviewers have nothing here").isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anActivityOutsideTheUsersRegionAnswersAsAMissingOneAndIsNeitherListedNorRecorded() {
		var theirs = as(PLACES.otherStaff(), () -> ledger.create(activity(SEMINAR, "乙县座谈", PLACES.otherTownship()).on(DAY)
			.form(), List.of(), List.of()));
		assertThatThrownBy(() -> as(PLACES.staff(), () -> ledger.get(theirs.getId())))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> as(PLACES.staff(), () -> ledger.get(Long.MAX_VALUE)))
			.isInstanceOf(RecordNotFoundException.class);
		var listed = as(PLACES.staff(), () -> ledger.search(new ActivityQuery(null, null, PLACES.otherCounty(), null, null),
				PageRequest.of(0, 20)));
		assertThat(listed.getTotalElements()).isZero();
		assertThat(refused(PLACES.staff(), activity(SEMINAR, "越界登记", PLACES.otherTownship()).form()))
			.containsEntry("regionCode", "activity.error.region");
		assertThat(refused(PLACES.admin(), activity(SEMINAR, "州本级", PLACES.prefecture()).form()))
			.as("a village, township or county, not the prefecture").containsEntry("regionCode", "activity.error.region");
		var foreignCadre = ActivityFixtures.cadre(jdbc, "乙县干部", PLACES.otherTownship());
		assertThat(refused(PLACES.staff(), activity(SEMINAR, "借用乙县干部", PLACES.township()).cadre(foreignCadre).form()))
			.containsEntry("cadreIds", "activity.error.cadre");
	}

	@Test
	void anEditOfAStaleFormIsRefusedAndAFormSentTwiceMakesOneActivity() {
		var token = SubmissionTokens.fresh();
		var form = activity(PUBLICITY, "重复提交", PLACES.township()).on(DAY).token(token).form();
		var first = as(PLACES.staff(), () -> ledger.create(form, List.of(), List.of()));
		var second = as(PLACES.staff(), () -> ledger.create(form, List.of(), List.of()));
		assertThat(second.getId()).isEqualTo(first.getId());
		assertThat(jdbc.queryForObject("select count(*) from activity where title = '重复提交' and region_code = ?", Long.class,
				PLACES.township())).isEqualTo(1);

		var edited = as(PLACES.staff(), () -> ledger.update(first.getId(), first.getVersion(),
				activity(PUBLICITY, "重复提交", PLACES.township()).on(DAY).participants(60).version(first.getVersion()).form(),
				List.of(), List.of()));
		assertThat(edited.getParticipants()).isEqualTo(60);
		assertThatThrownBy(() -> as(PLACES.admin(), () -> ledger.update(first.getId(), first.getVersion(),
				activity(PUBLICITY, "过期的表单", PLACES.township()).on(DAY).form(), List.of(), List.of())))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(as(PLACES.staff(), () -> ledger.get(first.getId())).getTitle()).isEqualTo("重复提交");
	}

	@Test
	void badInputIsRefusedFieldByFieldWithItsMessage() {
		var staff = PLACES.staff();
		var place = PLACES.township();
		assertThat(refused(staff, activity(PUBLICITY, "人数乱填", place).participants("四十").form()))
			.containsEntry("participants", "validation.number.range");
		assertThat(refused(staff, activity(PUBLICITY, "", place).form())).containsKey("title");
		assertThat(refused(staff, activity(PUBLICITY, "日期乱填", place).startedOn("2025-02-30").form()))
			.containsKey("startedOn");
		assertThat(refused(staff, activity(PUBLICITY, "将来的活动", place).on(LocalDate.now().plusDays(30)).form()))
			.containsEntry("startedOn", "validation.futureDate");
		assertThat(refused(staff, activity(PUBLICITY, "倒着过", place).on(DAY).until(DAY.minusDays(1)).form()))
			.containsEntry("endedOn", "activity.error.endedOn");
		assertThat(refused(staff, activity(PUBLICITY, "分组超总数", place).participants(10).groups(5, 5, 1).form()))
			.containsEntry("cadreParticipants", "activity.error.groups");
		assertThat(refused(staff, activity(PUBLICITY, "民族超总数", place).participants(10).ethnicGroup("04", "11").form()))
			.containsEntry("ethnicCounts", "activity.error.ethnicGroups");
		assertThat(refused(staff, activity(PUBLICITY, "未知民族", place).ethnicGroup("77", "3").form()))
			.containsEntry("ethnicCounts", "activity.error.ethnicRow");
		assertThat(refused(staff, activity(EXCHANGE, "没有目的地", place).form()))
			.containsEntry("destination", "activity.error.destinationRequired");
		assertThat(refused(staff, activity(PUBLICITY, "宣讲有目的地", place).destination("成都").form()))
			.containsEntry("destination", "activity.error.destination");
		assertThat(refused(staff, activity(PUBLICITY, "没有令牌", place).token(null).form()))
			.as("a form without its one-time token").isNotEmpty();
		assertThat(jdbc.queryForObject("select count(*) from activity where region_code = ?", Long.class, place))
			.as("none of them written").isZero();
	}

	@Test
	void uploadsTooBigOfTheWrongTypeOrTooManyAreRefusedBeforeAnythingIsWritten() throws IOException {
		long before = activities();
		var tooBig = new Upload("大照片.png", 6L * 1024 * 1024, new ByteArrayResource(png()));
		assertThat(refusedWith(activity(PUBLICITY, "照片太大", PLACES.township()).form(), List.of(tooBig), List.of()))
			.containsEntry("photos", "activity.files.error.tooBig.photos");
		var notAPicture = Upload.of("照片.jpg", "这不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(refusedWith(activity(PUBLICITY, "照片不是图片", PLACES.township()).form(), List.of(notAPicture), List.of()))
			.containsEntry("photos", "activity.files.error.type.photos");
		var empty = Upload.of("签到表.pdf", new byte[0]);
		assertThat(refusedWith(activity(PUBLICITY, "空材料", PLACES.township()).form(), List.of(), List.of(empty)))
			.containsEntry("materials", "activity.files.error.empty");
		var many = java.util.Collections.nCopies(ActivityLedger.MAX_FILES + 1, Upload.of("现场.png", png()));
		assertThat(refusedWith(activity(PUBLICITY, "照片太多", PLACES.township()).form(), many, List.of()))
			.containsEntry("photos", "activity.files.error.tooMany");
		assertThat(activities()).as("no activity written").isEqualTo(before);

		var recorded = as(PLACES.staff(), () -> ledger.create(activity(PUBLICITY, "后补材料", PLACES.township()).form(),
				List.of(), List.of()));
		assertThatThrownBy(() -> as(PLACES.staff(),
				() -> ledger.addFiles(recorded.getId(), SubmissionTokens.fresh(), List.of(notAPicture), List.of())))
			.isInstanceOf(InvalidInputException.class);
		var token = SubmissionTokens.fresh();
		var later = Upload.of("补拍.png", png());
		as(PLACES.staff(), () -> ledger.addFiles(recorded.getId(), token, List.of(later), List.of()));
		as(PLACES.staff(), () -> ledger.addFiles(recorded.getId(), token, List.of(later), List.of()));
		assertThat(as(PLACES.staff(), () -> ledger.photosOf(recorded.getId()))).as("a resent form adds them once").hasSize(1);
	}

	@Test
	void aPetitionRegisteredAtAPublicitySessionComesFromItAsATalk() {
		var session = as(PLACES.staff(), () -> ledger.create(activity(PUBLICITY, "政策宣讲会", PLACES.village()).on(DAY).form(),
				List.of(), List.of()));
		var category = jdbc.queryForObject("select min(id) from petition_category where active", Long.class);
		var form = PetitionForm.empty(LocalDate.now()).fromActivity(session.getId(), true, session.getStartedOn(),
				session.getRegionCode());
		var typed = new PetitionForm(form.token(), form.source(), null, null, "宣讲会群众", "", form.regionCode(), category,
				"村道需要硬化", "宣讲会上提出", Urgency.NORMAL, form.receivedOn(), true, form.activityId(), null);
		var petition = as(PLACES.staff(), () -> petitions.register(typed, List.of()));
		assertThat(petition.getActivityId()).isEqualTo(session.getId());
		assertThat(petition.getSource()).isEqualTo(PetitionSource.TALK);
		assertThat(petition.getReceivedOn()).isEqualTo(DAY);

		var foreign = as(PLACES.otherStaff(), () -> ledger.create(activity(PUBLICITY, "乙县宣讲会", PLACES.otherTownship())
			.on(DAY).form(), List.of(), List.of()));
		var elsewhere = new PetitionForm(UUID.randomUUID(), PetitionSource.TALK, null, null, "宣讲会群众", "", PLACES.village(),
				category, "借乙县活动", null, Urgency.NORMAL, DAY.toString(), true, foreign.getId(), null);
		assertThatThrownBy(() -> as(PLACES.staff(), () -> petitions.register(elsewhere, List.of())))
			.as("an activity outside the region answers as a missing one").isInstanceOf(RecordNotFoundException.class);
	}

	private long activities() {
		return jdbc.queryForObject("select count(*) from activity where region_code like ?", Long.class, PLACES.prefecture() + "%");
	}

	private Map<String, String> refused(String username, ActivityForm form) {
		return refusedAs(username, form, List.of(), List.of());
	}

	private Map<String, String> refusedWith(ActivityForm form, List<Upload> photos, List<Upload> materials) {
		return refusedAs(PLACES.staff(), form, photos, materials);
	}

	private Map<String, String> refusedAs(String username, ActivityForm form, List<Upload> photos, List<Upload> materials) {
		try {
			as(username, () -> ledger.create(form, photos, materials));
		}
		catch (InvalidInputException ex) {
			return ex.problems();
		}
		catch (org.pomegranate.shared.BusinessRuleException ex) {
			return Map.of("", ex.messageKey());
		}
		throw new AssertionError("The form was not refused: " + form);
	}

	private <T> T as(String username, Supplier<T> action) {
		return ActivityFixtures.as(users, username, action);
	}

	private static byte[] png() throws IOException {
		var image = new BufferedImage(16, 12, BufferedImage.TYPE_INT_RGB);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		return bytes.toByteArray();
	}

}
