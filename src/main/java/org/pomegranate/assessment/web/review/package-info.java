/**
 * The pages of the third-party evaluation (第三方评估): the admins' evaluating institutions and
 * assignments, and the reviewer's tasks and evaluation page with each of its steps.
 */
@NullMarked
package org.pomegranate.assessment.web.review;

import org.jspecify.annotations.NullMarked;
