package cn.zhibu.life.compliance;

import cn.zhibu.organization.OrganizationType;

/** Which requirements an organization can have, by its type (codes as stored in {@code life_compliance_org.class}). */
public enum ComplianceClass {
    /** 党支部, 联合党支部, 临时党支部: B6, B7 (with a 支委会), B9 (local), B10, B11. */
    BRANCH,
    /** 党小组: B8, its own. */
    GROUP,
    /** 地方党委, 党工委, 基层党委: B9, the 书记's yearly 党课. */
    PARTY,
    /** 党总支: nothing of its own; its branches answer. */
    NONE;

    public static ComplianceClass of(OrganizationType type) {
        if (type.isBranch()) {
            return BRANCH;
        }
        if (type == OrganizationType.GROUP) {
            return GROUP;
        }
        return type.isCommittee() ? PARTY : NONE;
    }
}
