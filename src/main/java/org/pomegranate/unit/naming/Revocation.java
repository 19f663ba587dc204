package org.pomegranate.unit.naming;

import java.time.LocalDate;

/** 撤销命名: why, by which document (文号), on which day. */
public record Revocation(String reason, String documentNumber, LocalDate on) {
}
