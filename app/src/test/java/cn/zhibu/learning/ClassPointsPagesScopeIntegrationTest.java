package cn.zhibu.learning;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.classes.ClassCheck;
import cn.zhibu.learning.classes.ClassCodes;
import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.points.PointsEntry;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of 培训班 and 积分 across branches: branch A's secretary reaches nothing of branch B through any page
 * (404 with no detail, every write refused, nothing of B changed), a member of A cannot scan into B's session nor read
 * B's points; B's own secretary and member get every page rendered, and the pages do what they say (open, session,
 * enrol, by hand, remove after confirming; deduct, reverse after confirming).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassPointsPagesScopeIntegrationTest {

    private static final String PASSWORD = "Scope@ClassPages2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired ClassService classes;
    @Autowired PointsService points;
    @Autowired ClassCodes codes;
    @LocalServerPort int port;

    String suffix;
    Organization branchA;
    Organization branchB;
    Member memberA;
    Member memberB;
    Member otherB;
    TrainingClass classB;
    ClassSession sessionB;
    ClassSession nowB;
    PointsEntry entryB;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        branchA = data.org(data.committee("培训页甲党委" + suffix).id(), "培训页甲支部", OrganizationType.BRANCH);
        branchB = data.org(data.committee("培训页乙党委" + suffix).id(), "培训页乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "培训页甲党员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "培训页乙党员", MemberStatus.FULL);
        otherB = data.member(branchB.id(), "培训页乙另一党员", MemberStatus.FULL);
        accounts.create("csecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("csecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("cselfA" + suffix, PASSWORD, "培训页甲党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("cselfB" + suffix, PASSWORD, "培训页乙党员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        LocalDate today = LocalDate.now(PlatformClock.ZONE);
        classB = classes.open(SYSTEM, new ClassDraft(branchB.id(), "乙支部秘密培训班", null, today.minusDays(3),
                today.plusDays(1), true));
        sessionB = classes.addSession(SYSTEM, classB.id(), new SessionDraft("乙支部课次", today.minusDays(1).atTime(9, 0),
                today.minusDays(1).atTime(12, 0), null, null));
        LocalDateTime now = LocalDateTime.now(PlatformClock.ZONE).truncatedTo(ChronoUnit.MINUTES);
        // within today's class dates even just after midnight: the session starts a minute ago at the earliest of today
        LocalDateTime start = now.minusMinutes(10).toLocalDate().isBefore(today) ? today.atStartOfDay() : now.minusMinutes(10);
        nowB = classes.addSession(SYSTEM, classB.id(), new SessionDraft("乙支部现场课次", start, start.plusHours(2), null, null));
        classes.enrol(SYSTEM, classB.id(), List.of(memberB.id(), otherB.id()));
        entryB = points.deduct(SYSTEM, memberB.id(), 2, "乙支部扣分");
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void branch_a_secretary_reaches_no_page_of_branch_b() {
        BrowserSession secA = pages("csecA");
        String c = "/learning/classes/" + classB.id();
        String s = "/learning/classes/sessions/" + sessionB.id();
        String p = "/learning/points/members/" + memberB.id();
        for (String path : List.of(c, s, s + "/screen", s + "/screen?purpose=OUT", s + "/screen/code", s + "/screen/count",
                s + "/attendance/" + memberB.id(), "/learning/classes/mine/" + classB.id(), p,
                p + "/entries/" + entryB.id() + "/reverse", "/learning/points/org/" + branchB.id())) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部秘密培训班").doesNotContain("乙支部扣分")
                    .doesNotContain("培训页乙党员");
        }
        assertThat(secA.get("/learning/classes").body()).doesNotContain("乙支部秘密培训班");
        List<BrowserSession.Page> writes = List.of(
                secA.post("/learning/classes", Map.of("orgId", Long.toString(branchB.id()), "title", "越权开班",
                        "startsOn", LocalDate.now().toString(), "endsOn", LocalDate.now().toString())),
                secA.post(c + "/sessions", Map.of("title", "越权课次", "startsAt", "2026-01-01T09:00",
                        "endsAt", "2026-01-01T10:00")),
                secA.post(c + "/enrolments", Map.of("memberIds", Long.toString(memberA.id()))),
                secA.post(c + "/enrolments/" + otherB.id() + "/remove", Map.of("confirmed", "true")),
                secA.post(s + "/attendance/" + memberB.id(), Map.of("checkedInAt", "2026-01-01T09:00", "reason", "越权登记")),
                secA.post(s + "/import-meeting", Map.of()),
                secA.post(p + "/entries", Map.of("kind", "BASE", "points", "5", "reason", "越权扣分")),
                secA.post(p + "/entries", Map.of("kind", "REWARD", "points", "5", "reason", "越权奖励")),
                secA.post(p + "/entries/" + entryB.id() + "/reverse", Map.of("reason", "越权冲正", "confirmed", "true")));
        for (BrowserSession.Page r : writes) {
            assertThat(r.status()).as(r.body()).isIn(403, 404);
            assertThat(r.body()).doesNotContain("乙支部秘密培训班");
        }
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_member_of_branch_a_cannot_scan_into_or_read_branch_b() {
        BrowserSession selfA = pages("cselfA");
        String code = codes.current(nowB.id(), ClassCheck.IN, Instant.now()).code();
        BrowserSession.Page scan = selfA.get("/learning/classes/sessions/" + nowB.id() + "/scan?purpose=IN&c=" + code);
        assertThat(scan.status()).isEqualTo(404);
        assertThat(scan.body()).contains("未能签到").doesNotContain("乙支部秘密培训班");
        for (String path : List.of("/learning/classes/mine/" + classB.id(), "/learning/points/members/" + memberB.id(),
                "/learning/classes/" + classB.id())) {
            assertThat(selfA.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(selfA.get("/learning/classes/mine").body()).contains("您还没有报名的培训班");
        assertThat(selfA.get("/learning/points").body()).contains("我的").contains("基础分");
        assertThat(selfA.get("/learning/classes").location()).endsWith("/learning/classes/mine");
        assertThat(selfA.get("/learning/classes/new").status()).isEqualTo(403);
        BrowserSession.Page board = selfA.get("/learning/points/leaderboard");
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains("积分排行榜未开启");
        assertNothingChangedOnBranchB();
    }

    @Test
    void branch_b_secretary_and_member_get_every_page_and_the_pages_work() {
        BrowserSession secB = pages("csecB");
        String s = "/learning/classes/sessions/" + sessionB.id();
        for (String path : List.of("/learning/classes", "/learning/classes/new", "/learning/classes/" + classB.id(), s,
                s + "/screen", s + "/screen/code?purpose=OUT", s + "/screen/count", s + "/attendance/" + memberB.id(),
                "/learning/points/members/" + memberB.id(), "/learning/points/org/" + branchB.id(), "/learning")) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(secB.get("/learning/classes/sessions/" + sessionB.id() + "/screen").body()).contains("<svg")
                .contains("乙支部秘密培训班");

        // open, add a session (hours by the counting rule), enrol, enter by hand, remove after confirming
        BrowserSession.Page opened = secB.post("/learning/classes", Map.of("orgId", Long.toString(branchB.id()),
                "title", "乙支部页面开班", "startsOn", LocalDate.now(PlatformClock.ZONE).minusDays(2).toString(),
                "endsOn", LocalDate.now(PlatformClock.ZONE).toString(), "concentrated", "true"));
        assertThat(opened.status()).isEqualTo(302);
        long id = Long.parseLong(opened.location().replaceAll(".*/learning/classes/(\\d+).*", "$1"));
        BrowserSession.Page noTitle = secB.post("/learning/classes/" + id + "/sessions", Map.of());
        assertThat(noTitle.status()).isEqualTo(200);
        assertThat(noTitle.body()).contains("请填写课次名称").contains("aria-invalid=\"true\"");
        String day = LocalDate.now(PlatformClock.ZONE).minusDays(1).toString();
        assertThat(secB.post("/learning/classes/" + id + "/sessions", Map.of("title", "页面课次",
                "startsAt", day + "T09:00", "endsAt", day + "T12:00")).status()).isEqualTo(302);
        ClassSession added = classes.sessions(SYSTEM, id).get(0);
        assertThat(added.hours()).isEqualByComparingTo("4");
        BrowserSession.Page none = secB.post("/learning/classes/" + id + "/enrolments", Map.of());
        assertThat(none.body()).contains("请选择要报名的党员");
        assertThat(secB.post("/learning/classes/" + id + "/enrolments", Map.of("memberIds", Long.toString(memberB.id())))
                .status()).isEqualTo(302);
        assertThat(secB.post("/learning/classes/" + id + "/enrolments", Map.of("memberIds", Long.toString(otherB.id())))
                .status()).isEqualTo(302);
        BrowserSession.Page noReason = secB.post("/learning/classes/sessions/" + added.id() + "/attendance/" + memberB.id(),
                Map.of("checkedInAt", day + "T08:55", "checkedOutAt", day + "T12:05"));
        assertThat(noReason.body()).contains("请填写手工登记的原因");
        assertThat(secB.post("/learning/classes/sessions/" + added.id() + "/attendance/" + memberB.id(),
                Map.of("checkedInAt", day + "T08:55", "checkedOutAt", day + "T12:05", "reason", "纸质签到表补录"))
                .status()).isEqualTo(302);
        assertThat(secB.get("/learning/classes/" + id).body()).contains("已结业");
        String remove = "/learning/classes/" + id + "/enrolments/" + memberB.id() + "/remove";
        assertThat(secB.post(remove, Map.of()).body()).contains("确定将培训页乙党员移出培训班吗");
        assertThat(secB.post(remove, Map.of("confirmed", "true")).status()).isEqualTo(302);
        assertThat(classes.enrolments(SYSTEM, id)).hasSize(2); // has attendance: kept
        String removeOther = "/learning/classes/" + id + "/enrolments/" + otherB.id() + "/remove";
        assertThat(secB.post(removeOther, Map.of("confirmed", "true")).status()).isEqualTo(302);
        assertThat(classes.enrolments(SYSTEM, id)).singleElement()
                .satisfies(e -> assertThat(e.memberId()).isEqualTo(memberB.id()));

        // deduct, then reverse after confirming
        String p = "/learning/points/members/" + otherB.id();
        assertThat(secB.post(p + "/entries", Map.of("kind", "BASE", "points", "3")).body()).contains("请填写理由");
        assertThat(secB.post(p + "/entries", Map.of("kind", "BASE", "points", "3", "reason", "缺席支部党员大会"))
                .status()).isEqualTo(302);
        PointsEntry deducted = points.of(SYSTEM, otherB.id(), LocalDate.now(PlatformClock.ZONE).getYear()).entries()
                .get(0);
        assertThat(secB.get(p).body()).contains("缺席支部党员大会").contains("17 / 20");
        String reverse = p + "/entries/" + deducted.id() + "/reverse";
        assertThat(secB.post(reverse, Map.of()).body()).contains("请填写冲正的理由");
        assertThat(secB.post(reverse, Map.of("reason", "记错人了")).body()).contains("确定冲正这条记录吗");
        assertThat(secB.post(reverse, Map.of("reason", "记错人了", "confirmed", "true")).status()).isEqualTo(302);
        assertThat(points.of(SYSTEM, otherB.id(), LocalDate.now(PlatformClock.ZONE).getYear()).base()).isEqualTo(20);

        BrowserSession selfB = pages("cselfB");
        for (String path : List.of("/learning/points", "/learning/classes/mine", "/learning/classes/mine/" + classB.id())) {
            BrowserSession.Page page = selfB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(selfB.get("/learning/points").body()).contains("乙支部扣分").contains("18 / 20");
        // T2: a session today is the member's inbox item (and the inbox's count does not fail on it)
        assertThat(selfB.get("/inbox").body()).contains("今日培训：乙支部秘密培训班");
        assertThat(selfB.get("/inbox/badge").status()).isEqualTo(200);
        assertThat(selfB.get("/learning/classes/" + classB.id()).status()).isEqualTo(404);
        assertThat(selfB.get("/learning/points/members/" + otherB.id()).status()).isEqualTo(404);
    }

    private void assertNothingChangedOnBranchB() {
        assertThat(classes.sessions(SYSTEM, classB.id())).hasSize(2);
        assertThat(classes.enrolments(SYSTEM, classB.id())).hasSize(2)
                .allSatisfy(e -> assertThat(e.attendedHours()).isZero());
        assertThat(classes.sheet(SYSTEM, sessionB.id()).rows()).allSatisfy(r -> assertThat(r.checkedIn()).isFalse());
        assertThat(classes.sheet(SYSTEM, nowB.id()).rows()).allSatisfy(r -> assertThat(r.checkedIn()).isFalse());
        var year = points.of(SYSTEM, memberB.id(), LocalDate.now(PlatformClock.ZONE).getYear());
        assertThat(year.entries()).hasSize(1);
        assertThat(year.base()).isEqualTo(18);
    }
}
