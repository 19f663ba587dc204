/**
 * Cadres (干部 / 联谊人): their levels, units and leaving, and the service that keeps them.
 */
@NullMarked
package org.pomegranate.pairing.cadre;

import org.jspecify.annotations.NullMarked;
