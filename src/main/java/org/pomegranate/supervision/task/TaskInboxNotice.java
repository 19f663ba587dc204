package org.pomegranate.supervision.task;

import java.util.List;
import java.util.Optional;

import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.HomeNotice;
import org.springframework.stereotype.Component;

/** The home page's line for staff and admins whose region has tasks waiting for its 签收 or report. */
@Component
class TaskInboxNotice implements HomeNotice {

	private final TaskReading reading;

	TaskInboxNotice(TaskReading reading) {
		this.reading = reading;
	}

	@Override
	public Optional<Notice> forCurrentUser() {
		if (!CurrentRoles.anyOf("STAFF", "ADMIN")) {
			return Optional.empty();
		}
		long waiting = reading.inboxCount();
		return waiting == 0 ? Optional.empty()
				: Optional.of(new Notice("task.home.waiting", List.of(waiting), "task.home.open", "/tasks/inbox"));
	}

}
