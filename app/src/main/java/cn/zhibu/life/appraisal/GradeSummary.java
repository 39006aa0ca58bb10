package cn.zhibu.life.appraisal;

import java.util.List;

/**
 * The grades of an appraisal against P2: how many 正式党员 are rated, how many 优秀 the quota allows and how many were
 * given, and — when someone is rated 不合格 — what P2 asks to come first ({@link GradeQuota#UNQUALIFIED_NOTE}).
 *
 * @param graded the participants with their grades (预备党员 included, with no grade)
 */
public record GradeSummary(List<Participant> graded, int rated, int maxExcellent, int excellent, int unqualified,
                           boolean withinQuota, String unqualifiedNote) {

    public GradeSummary {
        graded = List.copyOf(graded);
    }

    static GradeSummary of(List<Participant> participants) {
        List<Grade> grades = participants.stream().filter(Participant::full).map(Participant::grade)
                .filter(java.util.Objects::nonNull).toList();
        int rated = (int) participants.stream().filter(Participant::full).count();
        int excellent = (int) grades.stream().filter(g -> g == Grade.EXCELLENT).count();
        int unqualified = (int) grades.stream().filter(g -> g == Grade.UNQUALIFIED).count();
        return new GradeSummary(participants, rated, GradeQuota.maxExcellent(rated), excellent, unqualified,
                3 * excellent <= rated, unqualified > 0 ? GradeQuota.UNQUALIFIED_NOTE : null);
    }
}
