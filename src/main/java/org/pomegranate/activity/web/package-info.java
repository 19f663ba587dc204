/** The activity pages: list, form, page, figures; their URL rules and menu entries. */
@NullMarked
package org.pomegranate.activity.web;

import org.jspecify.annotations.NullMarked;
