package cn.zhibu.organization;

import java.util.EnumSet;
import java.util.Set;

/** Kinds of party organization, with the parents each may have (RULES.md B1, B3). */
public enum OrganizationType {
    LOCAL_COMMITTEE("地方党委"),
    WORKING_COMMITTEE("党工委"),
    BASE_COMMITTEE("基层党委"),
    GENERAL_BRANCH("党总支"),
    BRANCH("党支部"),
    JOINT_BRANCH("联合党支部"),
    TEMPORARY_BRANCH("临时党支部"),
    GROUP("党小组");

    private final String label;

    OrganizationType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 党支部, 联合党支部 and 临时党支部: the organizations members belong to and the B1/B4 rules address. */
    public boolean isBranch() {
        return this == BRANCH || this == JOINT_BRANCH || this == TEMPORARY_BRANCH;
    }

    /** Where a member's relationship may sit (R1: a branch or a 党小组). */
    public boolean holdsMembers() {
        return isBranch() || this == GROUP;
    }

    public boolean isCommittee() {
        return this == LOCAL_COMMITTEE || this == WORKING_COMMITTEE || this == BASE_COMMITTEE;
    }

    /** Types allowed directly above this one; empty parent means the top of a tree. */
    public Set<OrganizationType> allowedParents() {
        return switch (this) {
            case LOCAL_COMMITTEE, WORKING_COMMITTEE -> EnumSet.of(LOCAL_COMMITTEE, WORKING_COMMITTEE);
            case BASE_COMMITTEE -> EnumSet.of(LOCAL_COMMITTEE, WORKING_COMMITTEE, BASE_COMMITTEE);
            case GENERAL_BRANCH -> EnumSet.of(LOCAL_COMMITTEE, WORKING_COMMITTEE, BASE_COMMITTEE);
            case BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH ->
                    EnumSet.of(LOCAL_COMMITTEE, WORKING_COMMITTEE, BASE_COMMITTEE, GENERAL_BRANCH);
            case GROUP -> EnumSet.of(BRANCH, JOINT_BRANCH, TEMPORARY_BRANCH);
        };
    }

    public boolean mayBeTopLevel() {
        return this == LOCAL_COMMITTEE || this == WORKING_COMMITTEE || this == BASE_COMMITTEE;
    }
}
