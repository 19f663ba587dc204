/**
 * The one file store (文件库): every uploaded file of every module (visit photos, petition
 * attachments, the files of a frozen monthly report, and later the evidence of assessments)
 * streamed into PostgreSQL with its owner, scope, sniffed type, safe name, size and SHA-256, so
 * one {@code pg_dump} is the whole backup. Modules store and list their files through
 * {@link org.pomegranate.files.FileStore}; each kind of owning record declares a
 * {@link org.pomegranate.files.FileOwner} bean, which the one download endpoint
 * ({@code GET /files/{id}}) asks whether the current user may see the owner record. The files
 * module never depends on the modules that own files.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.pomegranate.files;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
