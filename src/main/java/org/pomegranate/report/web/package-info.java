/**
 * The report pages: drafts, narrative, downloads and freezing; their URL rules and menu.
 */
@NullMarked
package org.pomegranate.report.web;

import org.jspecify.annotations.NullMarked;
