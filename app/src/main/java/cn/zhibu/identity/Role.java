package cn.zhibu.identity;

/** Roles are held at an organization and cover its subtree (except 系统管理员, which covers everything). */
public enum Role {
    ADMIN("系统管理员"),
    ORG_ADMIN("组织管理员"),
    SECRETARY("书记"),
    MEMBER("党员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
