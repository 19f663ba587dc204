/**
 * The demo accounts of the embedded database.
 */
@NullMarked
package org.pomegranate.account.demo;

import org.jspecify.annotations.NullMarked;
