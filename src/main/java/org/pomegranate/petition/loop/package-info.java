/**
 * The petition aggregate and its loop (登记 → 推送 → 接单 → 办结 → 评价 → 归档), the ledger queries and the step attachments.
 */
@NullMarked
package org.pomegranate.petition.loop;

import org.jspecify.annotations.NullMarked;
