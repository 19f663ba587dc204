/**
 * The unit pages: the unit list (单位名录) and its export, the unit page with its members, duty
 * statements, wall photos, titles and history, the forms, and the 石榴籽 network tree of a
 * township; their URL rules and menu.
 */
@NullMarked
package org.pomegranate.unit.web;

import org.jspecify.annotations.NullMarked;
