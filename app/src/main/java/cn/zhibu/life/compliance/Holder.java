package cn.zhibu.life.compliance;

/**
 * Who holds a requirement: the organizations counted in the roll-up's {@code REQ:<holder>} series, whose sum up to a
 * month is how many of a subtree's organizations owe that month's periods.
 */
public enum Holder {
    /** Branches (党支部, 联合党支部, 临时党支部). */
    BRANCH,
    /** Branches with a 支委会 of at least 3 members (B4, B7). */
    COMMITTEE,
    /** 党小组. */
    GROUP,
    /** 党委: 地方党委, 党工委, 基层党委. */
    PARTY;

    /** The roll-up metric of its series. */
    public String series() {
        return "REQ:" + name();
    }
}
