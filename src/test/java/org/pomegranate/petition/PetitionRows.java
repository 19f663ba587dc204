package org.pomegranate.petition;

import java.time.LocalDate;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A petition row written straight into the database, for figures counted by hand, naming each
 * column a test sets: {@code aPetitionRow(number).in(village).receivedOn("2024-02-03").inState("CLOSED")
 * .withOutcome("SOLVED").closedOn("2024-02-10").insert(jdbc)}. By default a registered walk-in of
 * the first category, never pushed, with the category's usual limits of 3 and 15 days.
 */
public final class PetitionRows {

	private final String number;

	private String village;

	private LocalDate receivedOn = PetitionFixtures.today();

	private String state = "REGISTERED";

	private String outcome;

	private String rating;

	private boolean pushed;

	private boolean accepted;

	private LocalDate closedOn;

	private int reopenCount;

	private LocalDate acceptDueOn;

	private LocalDate closeDueOn;

	private LocalDate backlogMarkedOn;

	private String petitionerPhone;

	private String title = "测试诉求";

	private PetitionRows(String number) {
		this.number = number;
	}

	public static PetitionRows aPetitionRow(String number) {
		return new PetitionRows(number);
	}

	/** The village it comes from. */
	public PetitionRows in(String village) {
		this.village = village;
		return this;
	}

	public PetitionRows receivedOn(String day) {
		this.receivedOn = LocalDate.parse(day);
		return this;
	}

	public PetitionRows inState(String state) {
		this.state = state;
		return this;
	}

	public PetitionRows withOutcome(String outcome) {
		this.outcome = outcome;
		return this;
	}

	public PetitionRows ratedAs(String rating) {
		this.rating = rating;
		return this;
	}

	/** First pushed on the day it was received. */
	public PetitionRows pushed() {
		this.pushed = true;
		return this;
	}

	/** First accepted the day after it was received. */
	public PetitionRows accepted() {
		this.accepted = true;
		return this;
	}

	/** Its latest closing. */
	public PetitionRows closedOn(String day) {
		this.closedOn = LocalDate.parse(day);
		return this;
	}

	public PetitionRows reopened(int times) {
		this.reopenCount = times;
		return this;
	}

	public PetitionRows acceptDueOn(LocalDate day) {
		this.acceptDueOn = day;
		return this;
	}

	public PetitionRows closeDueOn(LocalDate day) {
		this.closeDueOn = day;
		return this;
	}

	/** Marked as a backlog case (信访积案) on {@code day}. */
	public PetitionRows backlogMarkedOn(String day) {
		this.backlogMarkedOn = LocalDate.parse(day);
		return this;
	}

	public PetitionRows withPhone(String phone) {
		this.petitionerPhone = phone;
		return this;
	}

	public PetitionRows titled(String title) {
		this.title = title;
		return this;
	}

	public void insert(JdbcTemplate jdbc) {
		jdbc.update("""
				insert into petition (number, submission_token, source, petitioner_name, petitioner_phone, region_code,
				    category_id, title, urgency, received_on, state, outcome, rating, accept_due_on, close_due_on,
				    first_pushed_on, first_accepted_on, closed_on, reopen_count, backlog, backlog_marked_on, registered_by)
				values (?, gen_random_uuid(), 'WALK_IN', '测试', ?, ?, (select min(id) from petition_category), ?, 'NORMAL',
				        ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test')""", number, petitionerPhone, village, title, receivedOn,
				state, outcome, rating, acceptDueOn == null ? receivedOn.plusDays(3) : acceptDueOn,
				closeDueOn == null ? receivedOn.plusDays(15) : closeDueOn, pushed ? receivedOn : null,
				accepted ? receivedOn.plusDays(1) : null, closedOn, reopenCount, backlogMarkedOn != null, backlogMarkedOn);
	}

}
