package org.pomegranate.activity;

import java.time.LocalDate;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.pomegranate.activity.ledger.Activity;
import org.pomegranate.activity.ledger.ActivityKind;
import org.pomegranate.activity.ledger.ActivityLedger;
import org.springframework.stereotype.Service;

/**
 * What other modules read of the activities: one activity by id, inside the user's region scope
 * (one outside it answers as a missing one does), as an {@link ActivityRef}, so that the petition
 * raised at a 宣讲会 can show where it came from without depending on the ledger's internals.
 */
@Service
public class Activities {

	private final ActivityLedger ledger;

	Activities(ActivityLedger ledger) {
		this.ledger = ledger;
	}

	/** The activity if it lies in the user's scope; 404 otherwise. */
	public ActivityRef activity(long id) {
		return ref(ledger.get(id));
	}

	/**
	 * The activity beside a record the user already sees (the petition raised there), if it lies in
	 * their scope too; empty otherwise, and the page then names no activity.
	 */
	public Optional<ActivityRef> shown(long id) {
		return ledger.find(id).map(Activities::ref);
	}

	private static ActivityRef ref(Activity activity) {
		return new ActivityRef(activity.getId(), activity.getTitle(), activity.getKind().name(),
				activity.getKind() == ActivityKind.PUBLICITY, activity.getStartedOn(), activity.getRegionCode(),
				activity.getPlace(), activity.getSummary());
	}

	/**
	 * An activity as another module refers to it: {@code kind} is the kind's name ({@code PUBLICITY} …,
	 * its label {@code ActivityKind.NAME} in the bundles); {@code publicity}: a 宣传宣讲 session.
	 */
	public record ActivityRef(long id, String title, String kind, boolean publicity, LocalDate startedOn,
			String regionCode, @Nullable String place, @Nullable String summary) {

		/** Its page, as links print it. */
		public String path() {
			return "/activities/" + id;
		}

	}

}
