package org.pomegranate.petition.loop;

import java.util.List;

/**
 * A user's desk: petitions waiting for them to accept, those they are working on (most urgent
 * first) and those due within the week; returned petitions their region must push again,
 * unresolvable ones sent up to their region, and what they registered but have not pushed.
 */
public record MyWork(List<Petition> toAccept, List<Petition> inProgress, List<Petition> dueThisWeek,
		List<Petition> returned, List<Petition> escalated, List<Petition> toPush) {
}
