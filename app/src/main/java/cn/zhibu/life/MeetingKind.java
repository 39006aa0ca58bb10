package cn.zhibu.life;

/**
 * The kinds of organizational life a meeting can count for (codes as stored in {@code life_meeting_kind}). One
 * meeting may count for several kinds — a 组织生活会 held as a 支部党员大会 — and counts once for each.
 */
public enum MeetingKind {
    GENERAL_ASSEMBLY("支部党员大会", "B6"),
    COMMITTEE("支委会", "B7"),
    GROUP("党小组会", "B8"),
    LECTURE("党课", "B9"),
    THEME_DAY("主题党日", "B10"),
    LIFE_MEETING("组织生活会", "B11"),
    APPRAISAL("民主评议党员", "B11"),
    HEART_TALK("谈心谈话", "B11");

    private final String label;
    private final String rule;

    MeetingKind(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    public String label() {
        return label;
    }

    /** The RULES.md id that sets how often this kind is held. */
    public String rule() {
        return rule;
    }
}
