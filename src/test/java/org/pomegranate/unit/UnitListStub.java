package org.pomegranate.unit;

import org.springframework.http.ResponseEntity;

/**
 * A page of a module not written yet (campaign units): {@code AuthorizationMatrixTests} mounts it
 * for one test to show that a route nobody decided fails the build, whichever module it is in.
 */
public class UnitListStub {

	public ResponseEntity<String> list() {
		return ResponseEntity.ok("创建单位");
	}

}
