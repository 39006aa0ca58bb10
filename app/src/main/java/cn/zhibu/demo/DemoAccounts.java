package cn.zhibu.demo;

import cn.zhibu.identity.Role;

import java.util.List;

/**
 * The demo accounts and the stable names behind them, shared by the loader, the start-up banner and tests.
 * Changing a name here changes the demo data on the next fresh start.
 */
public final class DemoAccounts {

    public static final String PASSWORD = "Zhibu@2026";

    public static final String ADMIN = "admin";
    public static final String ORG_ADMIN = "jgdw";
    public static final String SECRETARY = "shuji";
    public static final String OTHER_SECRETARY = "shuji2";
    public static final String OTHER_ORG_ADMIN = "jyjdw";
    public static final String MEMBER = "dangyuan";

    public static final String WORKING_COMMITTEE = "中共某某市直属机关工作委员会";
    /** The 基层党委 that {@link #ORG_ADMIN} administers; {@link #SECRETARY_BRANCH} is one of its branches. */
    public static final String ORG_ADMIN_COMMITTEE = "市发展和改革委员会机关党委";
    /** Branch of {@link #SECRETARY} and {@link #MEMBER}; its members sit directly in it (no 党小组). */
    public static final String SECRETARY_BRANCH = "市发展改革委办公室党支部";
    /** Branch of {@link #OTHER_SECRETARY}, under a different 基层党委 ({@link #OTHER_COMMITTEE}). */
    public static final String OTHER_SECRETARY_BRANCH = "市教育局基础教育处党支部";
    /**
     * The 基层党委 that {@link #OTHER_ORG_ADMIN} administers: the receiving side's committee of the demo transfer
     * (from {@link #SECRETARY_BRANCH} to {@link #OTHER_SECRETARY_BRANCH}), so it can be finished without 系统管理员.
     */
    public static final String OTHER_COMMITTEE = "市教育局机关党委";

    public static final String SECRETARY_NAME = "陈建国";
    public static final String OTHER_SECRETARY_NAME = "周丽华";
    public static final String MEMBER_NAME = "刘晓雯";
    /** A member of {@link #SECRETARY_BRANCH}; no other demo member's pinyin initials start with "o". */
    public static final String SEARCHABLE_NAME = "欧阳明远";
    public static final String SEARCHABLE_INITIALS = "oymy";

    /**
     * One demo account.
     *
     * @param organization where the role is held (组织管理员, 书记), or the member's own branch (党员); null for
     *                     the administrator
     * @param memberName   the roster member the account belongs to, looked up in {@code organization}
     */
    public record Account(String username, Role role, String displayName, String organization, String memberName) {

        /** The organization a role grant names: none for 系统管理员 and 党员, whose scope is global or their own. */
        public boolean grantedAtOrganization() {
            return role == Role.ORG_ADMIN || role == Role.SECRETARY;
        }
    }

    public static final List<Account> ALL = List.of(
            new Account(ADMIN, Role.ADMIN, "系统管理员", null, null),
            new Account(ORG_ADMIN, Role.ORG_ADMIN, "发改委机关党委组织委员", ORG_ADMIN_COMMITTEE, null),
            new Account(SECRETARY, Role.SECRETARY, SECRETARY_NAME, SECRETARY_BRANCH, SECRETARY_NAME),
            new Account(OTHER_ORG_ADMIN, Role.ORG_ADMIN, "教育局机关党委组织委员", OTHER_COMMITTEE, null),
            new Account(OTHER_SECRETARY, Role.SECRETARY, OTHER_SECRETARY_NAME, OTHER_SECRETARY_BRANCH,
                    OTHER_SECRETARY_NAME),
            new Account(MEMBER, Role.MEMBER, MEMBER_NAME, SECRETARY_BRANCH, MEMBER_NAME));

    private DemoAccounts() {
    }
}
