package org.pomegranate.account.signin;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user at once, on every app node: sessions live in PostgreSQL, indexed
 * by the signed-in user's name. Used when an admin disables a user, changes their role or region,
 * or resets their password.
 */
@Component
public class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	public int endSessionsOf(String username) {
		var ids = sessions.findByPrincipalName(username).keySet();
		ids.forEach(sessions::deleteById);
		return ids.size();
	}

	/** Every session of the user but the one making the request (after they changed their own password). */
	public int endOtherSessionsOf(String username, String currentSessionId) {
		var others = sessions.findByPrincipalName(username).keySet().stream().filter(id -> !id.equals(currentSessionId)).toList();
		others.forEach(sessions::deleteById);
		return others.size();
	}

}
