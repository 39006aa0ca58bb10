package cn.zhibu.learning.views;

import java.util.List;

/** A member behind: the required courses overdue and not completed (which, due when), and their 学时 standing. */
public record LearningBehindMember(long memberId, String name, long orgId, List<LearningDueCourse> overdue,
                                   LearningHoursStanding hours) {

    public boolean hoursBehind() {
        return !hours.onPace();
    }
}
