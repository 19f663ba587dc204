package org.pomegranate.petition;

/**
 * A step of the loop was taken on a petition (registered, pushed, accepted, closed, rated …):
 * what other modules may react to, after the step has been committed. {@code step} and
 * {@code state} are the names of the petition's action and of the state it is now in.
 */
public record PetitionStepTaken(long petitionId, String number, String regionCode, String step, String state,
		String actor) {
}
