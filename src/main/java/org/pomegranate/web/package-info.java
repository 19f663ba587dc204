/**
 * The page layout and what every page shares: the menu for the user's role, the language
 * (zh-CN first, English twin), error pages, flash messages and the translation of rule
 * violations into a message the user can act on.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "audit", "files", "shared" })
package org.pomegranate.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
