/**
 * 授牌 and 名录: the read side of the titles that the certificate page, its QR code, the public
 * verification page and the public list show (JDBC over the naming tables, each title's state as of
 * today), the public form of a household's name, and the verification page's rate limit.
 */
@NullMarked
package org.pomegranate.unit.certificate;

import org.jspecify.annotations.NullMarked;
