package org.pomegranate.web;

import org.springframework.http.ResponseEntity;

/**
 * A page of a module not written yet, at a path no module has: {@code AuthorizationMatrixTests}
 * mounts it for one test to show that a route nobody decided fails the build, whichever module it is in.
 */
public class NotYetWrittenStub {

	public ResponseEntity<String> list() {
		return ResponseEntity.ok("尚未编写");
	}

}
