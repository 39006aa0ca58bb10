package cn.zhibu.life.compliance;

import cn.zhibu.life.MeetingKind;

import java.util.Arrays;
import java.util.List;

/**
 * What an organization must hold, how often, and which rule says so (RULES.md B6–B11). 谈心谈话 (B11) is counted by its
 * own records, not here. A requirement applies only where it can: 支委会 in branches with a committee, 党小组会 in 党小组.
 */
public enum Requirement {
    THEME_DAY(MeetingKind.THEME_DAY, Holder.BRANCH, PeriodType.MONTH, "B10", false),
    COMMITTEE(MeetingKind.COMMITTEE, Holder.COMMITTEE, PeriodType.MONTH, "B7", false),
    GROUP(MeetingKind.GROUP, Holder.GROUP, PeriodType.MONTH, "B8", false),
    GENERAL_ASSEMBLY(MeetingKind.GENERAL_ASSEMBLY, Holder.BRANCH, PeriodType.QUARTER, "B6", false),
    /** B9, local rule: each branch holds a 党课 every quarter (zhibu.life.compliance.lecture-quarterly). */
    BRANCH_LECTURE(MeetingKind.LECTURE, Holder.BRANCH, PeriodType.QUARTER, "B9", true),
    LIFE_MEETING(MeetingKind.LIFE_MEETING, Holder.BRANCH, PeriodType.YEAR, "B11", false),
    APPRAISAL(MeetingKind.APPRAISAL, Holder.BRANCH, PeriodType.YEAR, "B11", false),
    /** B9, national: the 党委书记 lectures at least once a year (a 党课 held by the 党委 counts). */
    SECRETARY_LECTURE(MeetingKind.LECTURE, Holder.PARTY, PeriodType.YEAR, "B9", false);

    private final MeetingKind kind;
    private final Holder holder;
    private final PeriodType period;
    private final String rule;
    private final boolean local;

    Requirement(MeetingKind kind, Holder holder, PeriodType period, String rule, boolean local) {
        this.kind = kind;
        this.holder = holder;
        this.period = period;
        this.rule = rule;
        this.local = local;
    }

    public MeetingKind kind() {
        return kind;
    }

    public Holder holder() {
        return holder;
    }

    public PeriodType period() {
        return period;
    }

    public String rule() {
        return rule;
    }

    /** A local rule (on by configuration), not a national one. */
    public boolean local() {
        return local;
    }

    /** In Chinese: the kind, and whose 党课 for the two lecture rules. */
    public String label() {
        return switch (this) {
            case BRANCH_LECTURE -> "党课（支部）";
            case SECRETARY_LECTURE -> "党委书记讲党课";
            default -> kind.label();
        };
    }

    public String metMetric() {
        return "MET:" + name();
    }

    public String exemptMetric() {
        return "EXEMPT:" + name();
    }

    /** The requirements of a kind (党课 has two: the branches' local one and the 党委书记's). */
    public static List<Requirement> of(MeetingKind kind) {
        return Arrays.stream(values()).filter(r -> r.kind == kind).toList();
    }

    /** The requirements in force: all, or without the local quarterly 党课 when it is switched off. */
    public static List<Requirement> inForce(boolean lectureQuarterly) {
        return Arrays.stream(values()).filter(r -> lectureQuarterly || !r.local).toList();
    }
}
