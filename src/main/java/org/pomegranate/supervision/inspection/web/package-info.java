/**
 * The pages of inspections and rectifications: the inspection list, form and page with its
 * findings; the ledger (整改台账) and its export, the inbox, a rectification's page with its steps;
 * the supervision figures with the list behind each; and the URL rules and menu of the
 * supervision pages (inspections, rectifications, notices).
 */
@NullMarked
package org.pomegranate.supervision.inspection.web;

import org.jspecify.annotations.NullMarked;
