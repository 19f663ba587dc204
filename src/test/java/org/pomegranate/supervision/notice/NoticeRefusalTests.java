package org.pomegranate.supervision.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pomegranate.account.Role;
import org.pomegranate.shared.BusinessRuleException;
import org.pomegranate.supervision.inspection.Actor;
import org.pomegranate.supervision.notice.Notice.NoticeContent;

/**
 * The notice's four-eyes loop in the aggregate alone, for every state × step × kind of user:
 * {@link Notice#refusal} answers what the oracle below, written from issue 13, says, and the step
 * agrees — allowed, it moves the notice on; refused, it throws that key and changes nothing.
 */
class NoticeRefusalTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 4, 20);

	private static final Properties MESSAGES = messages();

	enum Who {

		DRAFTER("gz_admin", Role.ADMIN, "5133"), SECOND_ADMIN("gz_admin2", Role.ADMIN, "5133"),
		SUPERVISOR("gz_supervisor", Role.SUPERVISOR, "5133"), COUNTY_ADMIN("kd_admin", Role.ADMIN, "513301"),
		PROVINCE_ADMIN("sc_admin", Role.ADMIN, "51"), COUNTY_STAFF("kd_staff", Role.STAFF, "513301"),
		REVIEWER("gz_reviewer", Role.REVIEWER, "5133");

		final Actor actor;

		Who(String username, Role role, String region) {
			this.actor = new Actor(username, username, role, region);
		}

	}

	/**
	 * The rules: admins of the issuing region itself (not above, not below) edit a draft;
	 * a second admin of the region, not the drafter, approves it; an approved notice is published;
	 * a published one may be retracted, and stays on record.
	 */
	static boolean allowed(NoticeState state, NoticeAction action, Who who) {
		boolean issuingAdmin = who == Who.DRAFTER || who == Who.SECOND_ADMIN;
		return issuingAdmin && switch (action) {
			case EDIT -> state == NoticeState.DRAFT;
			case APPROVE -> state == NoticeState.DRAFT && who != Who.DRAFTER;
			case PUBLISH -> state == NoticeState.APPROVED;
			case RETRACT -> state == NoticeState.PUBLISHED;
		};
	}

	static NoticeState stateAfter(NoticeAction action) {
		return switch (action) {
			case EDIT -> NoticeState.DRAFT;
			case APPROVE -> NoticeState.APPROVED;
			case PUBLISH -> NoticeState.PUBLISHED;
			case RETRACT -> NoticeState.RETRACTED;
		};
	}

	static Stream<Arguments> grid() {
		var cases = new ArrayList<Arguments>();
		for (var state : NoticeState.values()) {
			for (var action : NoticeAction.values()) {
				for (var who : Who.values()) {
					cases.add(Arguments.of(state, action, who));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} {1} by {2}")
	@MethodSource("grid")
	void theNoticeAllowsExactlyTheStepsOfTheLoop(NoticeState state, NoticeAction action, Who who) {
		var notice = noticeIn(state);
		var refusal = notice.refusal(action, who.actor);
		if (allowed(state, action, who)) {
			assertThat(refusal).isEmpty();
			take(notice, action, who.actor);
			assertThat(notice.getState()).isEqualTo(stateAfter(action));
			if (action == NoticeAction.APPROVE) {
				assertThat(notice.getApprovedBy()).isEqualTo(who.actor.username()).isNotEqualTo(notice.getDraftedBy());
			}
			if (action == NoticeAction.RETRACT) {
				assertThat(notice.isRetracted()).isTrue();
				assertThat(notice.isPublic()).as("a retracted notice stays on record below").isTrue();
			}
		}
		else {
			assertThat(refusal).hasValueSatisfying(key -> assertThat(MESSAGES).as("a message for " + key).containsKey(key));
			var before = snapshot(notice);
			assertThatThrownBy(() -> take(notice, action, who.actor)).isInstanceOf(BusinessRuleException.class)
				.hasMessage(refusal.get());
			assertThat(snapshot(notice)).isEqualTo(before);
		}
	}

	static NoticeContent content(String title) {
		return new NoticeContent(NoticeKind.CRITICISM, "甘民宗发〔2026〕21号", TODAY, title, "正文", null, TODAY.plusDays(30),
				List.of(new Notice.Target("513325", null, null, "雅江县")));
	}

	/** A notice of 甘孜州 drafted by gz_admin, in {@code state} through the loop's own steps. */
	static Notice noticeIn(NoticeState state) {
		var notice = new Notice(UUID.randomUUID(), "5133", content("关于……的通报批评"), Who.DRAFTER.actor);
		if (state != NoticeState.DRAFT) {
			notice.approve(Who.SECOND_ADMIN.actor);
		}
		if (state == NoticeState.PUBLISHED || state == NoticeState.RETRACTED) {
			notice.publish(Who.DRAFTER.actor, TODAY);
		}
		if (state == NoticeState.RETRACTED) {
			notice.retract(Who.SECOND_ADMIN.actor, "数据有误", TODAY);
		}
		assertThat(notice.getState()).isEqualTo(state);
		return notice;
	}

	private static void take(Notice notice, NoticeAction action, Actor actor) {
		switch (action) {
			case EDIT -> notice.edit(actor, content("修改后的标题"));
			case APPROVE -> notice.approve(actor);
			case PUBLISH -> notice.publish(actor, TODAY);
			case RETRACT -> notice.retract(actor, "撤回", TODAY);
		}
	}

	private static String snapshot(Notice n) {
		return n.getState() + "|" + n.getTitle() + "|" + n.getApprovedBy() + "|" + n.getPublishedOn() + "|"
				+ n.getRetractedOn();
	}

	private static Properties messages() {
		var properties = new Properties();
		try (var in = NoticeRefusalTests.class.getResourceAsStream("/messages/supervision-inspection.properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
