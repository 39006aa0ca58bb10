package cn.zhibu.learning.classes;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A 培训班 as a caller sees it.
 *
 * @param totalHours the sum of its sessions' 学时
 */
public record TrainingClass(long id, long orgId, String orgName, String orgPath, String title, String place,
                            LocalDate startsOn, LocalDate endsOn, boolean concentrated, BigDecimal totalHours,
                            int sessionCount, int enrolledCount, String createdBy) {

    public String kindLabel() {
        return concentrated ? "集中培训" : "一般培训";
    }
}
