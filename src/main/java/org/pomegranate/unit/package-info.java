/**
 * Campaign units (创建单位) and their demonstration titles (命名): agencies, schools, enterprises,
 * villages, religious sites … and the 石榴籽 work network (工作中心 › 工作室 › 工作队) with its
 * members and 育籽员, duty statements (规程、职责) and their 上墙 photos; titles of regions, units
 * and households at a level, valid five years, re-checked (回访抽查, 互观互检), put under
 * rectification, revoked or renewed; the certificate with its public verification page; and the
 * figures (网络规模、育籽员、规程上墙率、命名) that dashboards and the monthly report read.
 */
@NullMarked
@ApplicationModule(allowedDependencies = { "account", "audit", "figures", "files", "pairing", "region", "shared" })
package org.pomegranate.unit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
