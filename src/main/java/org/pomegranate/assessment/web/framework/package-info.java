/** The pages of 测评指标: the list, a version's tree and its editor, the node forms, the .xlsx export and import. */
@NullMarked
package org.pomegranate.assessment.web.framework;

import org.jspecify.annotations.NullMarked;
