/**
 * Spreadsheet import (数据导入) of the records the counties already keep in WPS/Excel: a generated
 * template per kind, an upload (.xlsx read as a stream, or .csv in UTF-8 or GB18030), a dry run
 * that checks every row through the owning module's own form rules, a returned workbook marking
 * every bad cell, a commit in the background with its progress, an import history per region and
 * the undo of a batch within seven days.
 *
 * <h2>Adding a kind</h2>
 * A kind is one {@link org.pomegranate.dataimport.ImportKind} bean in {@code dataimport.kind}
 * (see {@code HouseholdKind}): its name in the URL, its columns ({@link ImportColumn}: the field of
 * the owning module's form, the header with its synonyms, required or not, the type that cleans
 * the cell — text, ID number, phone, date, number, one of a dictionary, several of it, a region by
 * name or code), its natural key column, an example row, and four calls into the owning module's
 * public import façade (check, write, undo blockers, undo), which must run each row through the
 * same form record and validator as the module's page. The engine does everything else: template,
 * reading, header matching and the saved mapping, cleaning, duplicates within the file, dry run,
 * returned workbook, background commit, history and undo. Add the kind's labels to
 * {@code messages/dataimport.properties} and its English twin.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "files", "pairing", "region", "shared" })
package org.pomegranate.dataimport;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
