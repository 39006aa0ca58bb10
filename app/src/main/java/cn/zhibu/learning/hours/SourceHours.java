package cn.zhibu.learning.hours;

import cn.zhibu.learning.StudySource;

import java.math.BigDecimal;

/** The 学时 of one source in a member's year. */
public record SourceHours(StudySource source, String label, BigDecimal hours, int items) {
}
