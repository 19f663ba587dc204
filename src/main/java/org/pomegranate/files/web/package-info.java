/**
 * The one download endpoint of the file store and the upload limits per path.
 */
@NullMarked
package org.pomegranate.files.web;

import org.jspecify.annotations.NullMarked;
