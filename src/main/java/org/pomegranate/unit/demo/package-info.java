/**
 * The demo 石榴籽 work network of 甘孜州 and its titles, loaded into the embedded database.
 */
@NullMarked
package org.pomegranate.unit.demo;

import org.jspecify.annotations.NullMarked;
