/**
 * The file store in PostgreSQL: files streamed in chunks, content sniffed and hashed, the owners asked.
 */
@NullMarked
package org.pomegranate.files.store;

import org.jspecify.annotations.NullMarked;
