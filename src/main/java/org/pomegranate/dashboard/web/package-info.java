/**
 * The dashboard pages and the JSON their charts read, their URL rules and menu entry.
 */
@NullMarked
package org.pomegranate.dashboard.web;

import org.jspecify.annotations.NullMarked;
