/** The import pages: history and upload, the mapping, the dry run, the batch with its progress. */
@NullMarked
package org.pomegranate.dataimport.web;

import org.jspecify.annotations.NullMarked;
