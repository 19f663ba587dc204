/**
 * The pairing pages: households, cadres, pairings and visits, programs, coverage; their URL rules and menu.
 */
@NullMarked
package org.pomegranate.pairing.web;

import org.jspecify.annotations.NullMarked;
