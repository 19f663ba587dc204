package org.pomegranate.unit.web;

/** What the signed-in user may do on the unit pages, {@code may} in their model: the services' own answer. */
record UnitPermissions(boolean record) {
}
