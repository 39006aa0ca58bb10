package cn.zhibu.learning.study;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.TestData;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.util.List;

/**
 * The study tests' world: two committees with a branch each, members with accounts, and courses written straight
 * into the shared {@code course} table (V40) — the courses part's service is not in this branch; when it is, this
 * is the one place to switch to it. A VIDEO course refers to a file id that no row backs (no foreign key in V40).
 */
final class StudyWorld {

    static final String PASSWORD = "Study@Scope2026";

    final String suffix = Long.toString(System.nanoTime() % 1_000_000);
    final Organization committeeA;
    final Organization branchA;
    final Organization committeeB;
    final Organization branchB;
    private final TestData data;
    private final UserAccounts accounts;
    private final JdbcClient jdbc;

    StudyWorld(TestData data, UserAccounts accounts, JdbcClient jdbc) {
        this.data = data;
        this.accounts = accounts;
        this.jdbc = jdbc;
        committeeA = data.committee("学习甲党委" + suffix);
        branchA = data.org(committeeA.id(), "学习甲支部", OrganizationType.BRANCH);
        committeeB = data.committee("学习乙党委" + suffix);
        branchB = data.org(committeeB.id(), "学习乙支部", OrganizationType.BRANCH);
    }

    /** A member of the branch with an account of their own (党员 role); returns the member. */
    Member member(Organization branch, String username) {
        String name = "学员" + chinese(username);
        Member m = data.member(branch.id(), name, MemberStatus.FULL);
        accounts.create(username + suffix, PASSWORD, name, m.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        return m;
    }

    /** A person's name holds no digits: each digit of the user name as its Chinese numeral. */
    private static String chinese(String username) {
        StringBuilder name = new StringBuilder();
        username.chars().filter(Character::isDigit).forEach(c -> name.append("〇一二三四五六七八九".charAt(c - '0')));
        return name.toString();
    }

    void secretary(Organization branch, String username) {
        accounts.create(username + suffix, PASSWORD, "书记" + username, null,
                List.of(new RoleGrant(Role.SECRETARY, branch.id())));
    }

    String user(String username) {
        return username + suffix;
    }

    /** The member's own scope, as identity resolves it for their account. */
    static DataScope self(Member member) {
        return new DataScope(1, member.name(), false, List.of(), List.of(), member.id(),
                new TreePath(member.orgPath()), false);
    }

    /** A published article course of the organization's subtree needing {@code seconds} of study. */
    long article(Organization org, int seconds) {
        return course(org, "ARTICLE", null, seconds, "SUBTREE", "PUBLISHED");
    }

    long video(Organization org, int mediaSeconds) {
        return course(org, "VIDEO", mediaSeconds, mediaSeconds, "SUBTREE", "PUBLISHED");
    }

    long course(Organization org, String kind, Integer mediaSeconds, int creditSeconds, String audience,
                String status) {
        BigDecimal hours = BigDecimal.valueOf(Math.max(1, creditSeconds / 360), 1);
        return jdbc.sql("""
                        insert into course (org_id, org_path, root_id, title, kind, body_html, file_id, media_seconds,
                                            hours, credit_seconds, audience, status, created_by)
                        select id, path, root_id, :title, :kind, :body, :file, :media, :hours, :credit, :audience,
                               :status, 'test'
                        from organization where id = :org returning id""")
                .param("title", "学习课程" + kind + creditSeconds).param("kind", kind)
                .param("body", "ARTICLE".equals(kind) ? "<p>学习内容</p>" : null)
                .param("file", "ARTICLE".equals(kind) ? null : 1L).param("media", mediaSeconds)
                .param("hours", hours).param("credit", creditSeconds).param("audience", audience)
                .param("status", status).param("org", org.id())
                .query(Long.class).single();
    }
}
