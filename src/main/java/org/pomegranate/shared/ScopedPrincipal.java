package org.pomegranate.shared;

/**
 * What the region scope needs to know about the signed-in user: who they are and the region
 * whose subtree they may see.
 */
public interface ScopedPrincipal {

	String getUsername();

	String regionCode();

}
