/**
 * The task pages: plans, the issuer's lists and their recipients × states, the recipient's inbox,
 * each instance with its timeline and the forms its user may use now, the task figures and the
 * list behind each; the routes' rules and the menu entries.
 */
@NullMarked
package org.pomegranate.supervision.web.task;

import org.jspecify.annotations.NullMarked;
