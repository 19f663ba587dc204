/**
 * Petition categories with their time limits, and the responsible departments (责任单位).
 */
@NullMarked
package org.pomegranate.petition.settings;

import org.jspecify.annotations.NullMarked;
