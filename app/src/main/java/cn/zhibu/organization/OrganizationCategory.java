package cn.zhibu.organization;

/** 党组织类别 by the unit it is set up in; village and community branches serve 5-year terms (B5). */
public enum OrganizationCategory {
    GOVERNMENT("机关"),
    ENTERPRISE("企业"),
    RURAL("农村"),
    COMMUNITY("社区"),
    SCHOOL("学校"),
    RESEARCH("科研院所"),
    SOCIAL_ORGANIZATION("社会组织"),
    PRIVATE_ENTERPRISE("非公企业"),
    OTHER("其他");

    private final String label;

    OrganizationCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
