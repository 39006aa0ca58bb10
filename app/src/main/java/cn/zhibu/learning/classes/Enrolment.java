package cn.zhibu.learning.classes;

import java.math.BigDecimal;

/** A member enrolled in a class, with their outcome so far (kept exact on every change of attendance). */
public record Enrolment(long classId, long memberId, String memberName, long orgId, String orgPath,
                        BigDecimal attendedHours, boolean completed) {

    public String outcomeLabel() {
        return completed ? "已结业" : "未达结业要求";
    }
}
