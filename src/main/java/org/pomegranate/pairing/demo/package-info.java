/**
 * The demo households, cadres, pairings and visits loaded into the embedded database.
 */
@NullMarked
package org.pomegranate.pairing.demo;

import org.jspecify.annotations.NullMarked;
