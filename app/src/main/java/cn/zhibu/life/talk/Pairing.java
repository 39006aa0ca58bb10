package cn.zhibu.life.talk;

/**
 * The three pairings of B11 (条例 第十九条): 支委之间, 支委和党员之间, 党员之间 — each talks at least once a year. A
 * committee member is one seated on the branch's current committee.
 */
public enum Pairing {
    COMMITTEE_COMMITTEE("支委之间"),
    COMMITTEE_MEMBER("支委和党员之间"),
    MEMBER_MEMBER("党员之间");

    private final String label;

    Pairing(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The pairing of a talk between two people, by whether each sits on the committee. */
    public static Pairing of(boolean firstOnCommittee, boolean secondOnCommittee) {
        if (firstOnCommittee && secondOnCommittee) {
            return COMMITTEE_COMMITTEE;
        }
        return firstOnCommittee || secondOnCommittee ? COMMITTEE_MEMBER : MEMBER_MEMBER;
    }
}
