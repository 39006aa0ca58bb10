package cn.zhibu.learning.hours;

import cn.zhibu.learning.StudySource;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One credited source of a member's year: what it was, when, its 学时, and whether it was a concentrated training. */
public record CreditLine(StudySource source, String sourceLabel, long sourceId, String label, LocalDate creditedOn,
                         BigDecimal hours, boolean concentrated) {
}
