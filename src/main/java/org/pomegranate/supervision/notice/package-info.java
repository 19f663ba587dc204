/**
 * Notices (通报): praise (通报表扬, its targets possibly linked to titles, 授牌) and criticism
 * (通报批评) of regions or units, drafted from the figures (the dashboard ranking's weakest),
 * approved by a second admin of the issuing region, published to the regions below, and
 * retracted on record; a published criticism orders a rectification of each target.
 */
@NullMarked
package org.pomegranate.supervision.notice;

import org.jspecify.annotations.NullMarked;
