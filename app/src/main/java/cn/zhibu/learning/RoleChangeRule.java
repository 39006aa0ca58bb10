package cn.zhibu.learning;

/**
 * How a member whose role changes within the year is judged (T1 vs T2; {@code zhibu.learning.role-change-rule}).
 * Default PRO_RATA: the target is T1 plus (T2 − T1) × the share of the year's months in which the member held a seat
 * on a committee, rounded up to 0.5 学时; the concentrated training of T2 is asked for when that share is at least
 * half a year.
 */
public enum RoleChangeRule {
    /** The role held on 31 December (or today, for the current year) decides the whole year. */
    YEAR_END("以年末（当前）职务为准"),
    /** Any day on a committee within the year makes it a T2 year. */
    ANY_TIME("年内任职即按班子成员标准"),
    /** By the months held, as described above. */
    PRO_RATA("按任职月数折算");

    private final String label;

    RoleChangeRule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
