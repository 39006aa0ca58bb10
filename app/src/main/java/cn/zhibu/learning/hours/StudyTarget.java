package cn.zhibu.learning.hours;

import java.math.BigDecimal;

/**
 * One row of {@code study_target}: the 学时 and concentrated trainings a year asks of a role (MEMBER: T1, LEADER:
 * T2) in a plan period, with the regulation it comes from.
 */
public record StudyTarget(String planCode, String role, BigDecimal hours, int concentrated, String ruleId,
                          String source) {
}
