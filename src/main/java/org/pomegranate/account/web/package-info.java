/**
 * The login, password and user administration pages, their URL rules and menu entries.
 */
@NullMarked
package org.pomegranate.account.web;

import org.jspecify.annotations.NullMarked;
