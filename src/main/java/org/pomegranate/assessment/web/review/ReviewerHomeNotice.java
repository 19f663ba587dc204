package org.pomegranate.assessment.web.review;

import java.util.List;
import java.util.Optional;

import org.pomegranate.assessment.workflow.Reviews;
import org.pomegranate.shared.CurrentRoles;
import org.pomegranate.shared.HomeNotice;
import org.springframework.stereotype.Component;

/** A reviewer's home page tells how many evaluations they may work on today and links to them. */
@Component
class ReviewerHomeNotice implements HomeNotice {

	private final Reviews reviews;

	ReviewerHomeNotice(Reviews reviews) {
		this.reviews = reviews;
	}

	@Override
	public Optional<Notice> forCurrentUser() {
		if (!CurrentRoles.anyOf("REVIEWER")) {
			return Optional.empty();
		}
		return Optional.of(new Notice("home.reviewer.tasks", List.of(reviews.liveTaskCount()), "home.reviewer.open", "/reviews"));
	}

}
