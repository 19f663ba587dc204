/** 甘孜州's demo plan and task lists, loaded once on the embedded demo database. */
@NullMarked
package org.pomegranate.supervision.demo.task;

import org.jspecify.annotations.NullMarked;
