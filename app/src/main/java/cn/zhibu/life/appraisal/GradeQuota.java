package cn.zhibu.life.appraisal;

import java.util.Collection;

/**
 * P2 as a policy: 优秀 at most one third of the 正式党员 rated, in whole people ({@code 3 × 优秀 ≤ rated}), so one or
 * two rated members can have none, three to five one, six to eight two. 预备党员 are not rated and are not in the base.
 */
public final class GradeQuota {

    /** Shown with every 不合格: what P2 asks to come first. */
    public static final String UNQUALIFIED_NOTE = "评为不合格的党员，应先进行教育帮助、限期改正；"
            + "经教育仍无转变的，再按照有关规定进行组织处置（P2）";

    private GradeQuota() {
    }

    /** The most 优秀 allowed among {@code rated} 正式党员. */
    public static int maxExcellent(int rated) {
        return Math.max(0, rated) / 3;
    }

    /** The grades given keep to P2: {@code 3 × 优秀 ≤ rated}. */
    public static boolean allows(Collection<Grade> grades) {
        long excellent = grades.stream().filter(g -> g == Grade.EXCELLENT).count();
        return 3 * excellent <= grades.size();
    }

    /** Why the grades break P2, in Chinese; null when they do not. */
    public static String problem(Collection<Grade> grades) {
        if (allows(grades)) {
            return null;
        }
        long excellent = grades.stream().filter(g -> g == Grade.EXCELLENT).count();
        int max = maxExcellent(grades.size());
        return "评定为优秀的" + excellent + "人，超过参加评定的" + grades.size() + "名正式党员的三分之一"
                + (max == 0 ? "（不足3人时不评优秀）" : "（至多" + max + "人）") + "（P2）";
    }
}
