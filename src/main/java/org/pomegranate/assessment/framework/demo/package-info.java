/** The demonstration frameworks (演示) of the embedded database, loaded from the CSVs under {@code assessment/frameworks/}. */
@NullMarked
package org.pomegranate.assessment.framework.demo;

import org.jspecify.annotations.NullMarked;
