/**
 * The audit page of admins, its URL rules and menu entry.
 */
@NullMarked
package org.pomegranate.audit.web;

import org.jspecify.annotations.NullMarked;
