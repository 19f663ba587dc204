/** 甘孜州's demo inspections, rectifications and notices, as seed 000 tells them. */
@NullMarked
package org.pomegranate.supervision.inspection.demo;

import org.jspecify.annotations.NullMarked;
