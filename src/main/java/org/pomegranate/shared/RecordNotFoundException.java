package org.pomegranate.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A record that does not exist, or that lies outside the current user's region: both answer
 * 404 so that nobody can learn what exists in another region.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RecordNotFoundException extends RuntimeException {

	public RecordNotFoundException(String entityType, Object id) {
		super(entityType + " " + id + " not found in scope");
	}

}
