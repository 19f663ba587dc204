/**
 * The demo petitions of 康定市 and 泸定县 in every state of the loop.
 */
@NullMarked
package org.pomegranate.petition.demo;

import org.jspecify.annotations.NullMarked;
