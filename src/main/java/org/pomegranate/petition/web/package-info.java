/**
 * The petition pages: ledger, registration, the steps of the loop, figures, categories and departments.
 */
@NullMarked
package org.pomegranate.petition.web;

import org.jspecify.annotations.NullMarked;
