package org.pomegranate.shared;

/**
 * A record that belongs to one region: it is visible and changeable only by users whose region
 * code is a prefix of {@link #getRegionCode()}.
 */
public interface RegionScoped {

	String getRegionCode();

}
