/**
 * Pairing programs (结对计划), the pairings of cadres with households, visits and their photos.
 */
@NullMarked
package org.pomegranate.pairing.program;

import org.jspecify.annotations.NullMarked;
