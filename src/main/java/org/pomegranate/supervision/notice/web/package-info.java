/** The notice pages: the list, drafting from the figures, the notice page with its steps and the rectifications it ordered. */
@NullMarked
package org.pomegranate.supervision.notice.web;

import org.jspecify.annotations.NullMarked;
