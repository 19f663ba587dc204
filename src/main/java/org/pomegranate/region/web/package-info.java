/**
 * The division tree pages of admins, their URL rules and menu entry.
 */
@NullMarked
package org.pomegranate.region.web;

import org.jspecify.annotations.NullMarked;
