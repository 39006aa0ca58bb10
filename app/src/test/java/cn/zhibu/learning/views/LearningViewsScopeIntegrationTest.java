package cn.zhibu.learning.views;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The learning views across branches: a member reads their own learning (courses due, 学时 against T1); branch A's
 * secretary lists A's members behind and reminds them (once a day per subject, audited, into the member's inbox),
 * and reaches nothing of branch B's (404, nothing written); committee A reads its roll-up per child with a chosen
 * course's completion and exports it; hostile parameters answer 400 naming the field.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningViewsScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Learn2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired LearningViewsFixture fixture;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    Organization committeeA;
    Organization branchA;
    Organization branchA2;
    Organization committeeB;
    Organization branchB;
    Member behindA;
    Member diligentA;
    Member otherA2;
    Member memberB;
    long requiredA;
    long requiredB;
    long soonA;
    int year;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        LocalDate today = LocalDate.now(clock);
        year = today.getYear();
        committeeA = data.committee("学习视图甲党委" + suffix);
        branchA = data.org(committeeA.id(), "学习视图甲一支部", OrganizationType.BRANCH);
        branchA2 = data.org(committeeA.id(), "学习视图甲二支部", OrganizationType.BRANCH);
        committeeB = data.committee("学习视图乙党委" + suffix);
        branchB = data.org(committeeB.id(), "学习视图乙支部", OrganizationType.BRANCH);
        behindA = data.member(branchA.id(), "甲支部落后党员", MemberStatus.FULL);
        diligentA = data.member(branchA.id(), "甲支部勤学党员", MemberStatus.FULL);
        otherA2 = data.member(branchA2.id(), "甲二支部党员", MemberStatus.PROBATIONARY);
        memberB = data.member(branchB.id(), "乙支部秘密党员", MemberStatus.FULL);
        requiredA = fixture.course(committeeA, "甲党委必修课" + suffix, true, today.minusDays(1), false);
        requiredB = fixture.course(committeeB, "乙党委必修课" + suffix, true, today.minusDays(1), false);
        soonA = fixture.course(branchA, "甲支部近期必修课" + suffix, true, today.plusDays(3), false);
        fixture.course(branchA, "甲支部选学课" + suffix, false, null, false);
        fixture.progress(behindA, soonA, 1800);
        fixture.completed(diligentA, requiredA, year);
        fixture.completed(diligentA, soonA, year);
        fixture.completed(otherA2, requiredA, year);
        fixture.year(diligentA, year, "40.00", "32.0", true);
        fixture.year(otherA2, year, "12.50", "32.0", false);
        fixture.year(memberB, year, "3.00", "32.0", false);
        accounts.create("lsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("lcomA" + suffix, PASSWORD, "甲党委组织委员", null,
                List.of(new RoleGrant(Role.SECRETARY, committeeA.id())));
        accounts.create("lselfA" + suffix, PASSWORD, "甲支部落后党员", behindA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void T1_a_member_sees_the_required_courses_due_overdue_first_and_the_hours_against_the_T1_target() {
        ApiClient self = api("lselfA");
        ApiClient.Response me = self.get("/api/v1/learning/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        var due = me.json().get("due");
        assertThat(due.size()).isEqualTo(2);
        assertThat(due.get(0).get("courseId").asLong()).isEqualTo(requiredA);
        assertThat(due.get(0).get("overdue").asBoolean()).isTrue();
        assertThat(due.get(1).get("courseId").asLong()).isEqualTo(soonA);
        assertThat(due.get(1).get("overdue").asBoolean()).isFalse();
        assertThat(due.get(1).get("creditedSeconds").asInt()).isEqualTo(1800);
        // no study_year row: nothing studied, judged by the T1 target of the year's plan (32 学时)
        assertThat(me.json().get("hours").get("target").decimalValue()).isEqualByComparingTo("32");
        assertThat(me.json().get("hours").get("hours").decimalValue()).isEqualByComparingTo("0");
        assertThat(me.body()).doesNotContain("乙党委必修课", "甲支部选学课");
        assertThat(me.body()).contains("/learning/transcript/" + year + ".pdf");

        assertThat(self.get("/api/v1/learning/members/" + diligentA.id()).status()).isEqualTo(404);
        assertThat(self.get("/api/v1/learning/branch/" + branchA.id()).status()).isEqualTo(404);
        assertThat(self.get("/api/v1/learning/rollup/" + committeeA.id()).status()).isEqualTo(404);

        BrowserSession.Page landing = pages("lselfA").get("/learning");
        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.body()).contains("甲党委必修课" + suffix, "已逾期", "还差", "/learning/courses")
                .doesNotContain("乙党委");

        ApiClient.Response inbox = self.get("/api/v1/inbox");
        assertThat(inbox.body()).contains("必修课《甲党委必修课" + suffix + "》已逾期", "必修课《甲支部近期必修课" + suffix);
    }

    @Test
    void T1_the_secretary_lists_who_is_behind_and_reminds_them_once_a_day() {
        ApiClient sec = api("lsecA");
        ApiClient.Response page = sec.get("/api/v1/learning/branch/" + branchA.id());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("甲支部落后党员", "甲党委必修课" + suffix).doesNotContain("甲支部勤学党员", "乙支部");

        ApiClient.Response one = sec.post("/api/v1/learning/branch/" + branchA.id() + "/reminders",
                Map.of("memberId", behindA.id()));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().get("reminded").asInt()).isEqualTo(1);
        ApiClient.Response again = sec.post("/api/v1/learning/branch/" + branchA.id() + "/reminders", Map.of());
        assertThat(again.json().get("reminded").asInt()).isZero();
        assertThat(again.json().get("alreadyToday").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from learning_reminder where member_id = ?").param(behindA.id())
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit_log where action = '学习.督学提醒' and org_path = ?")
                .param(branchA.path().value()).query(Long.class).single()).isEqualTo(2);
        // a member not behind is not reminded
        assertThat(sec.post("/api/v1/learning/branch/" + branchA.id() + "/reminders",
                Map.of("memberId", diligentA.id())).status()).isEqualTo(404);

        assertThat(api("lselfA").get("/api/v1/learning/me").body()).contains("请尽快完成必修课《甲党委必修课" + suffix);
        assertThat(api("lselfA").get("/api/v1/inbox").body()).contains("支部已提醒");
        assertThat(sec.get("/api/v1/inbox?orgId=" + branchA.id()).body()).contains("名党员学习进度落后");

        BrowserSession secPages = pages("lsecA");
        BrowserSession.Page list = secPages.get("/learning/branch/" + branchA.id());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("甲支部落后党员", "提醒全部落后党员").doesNotContain("乙支部");
        BrowserSession.Page sent = secPages.post("/learning/branch/" + branchA.id() + "/reminders",
                Map.of("member", Long.toString(behindA.id())));
        assertThat(sent.status()).isEqualTo(302);
        assertThat(secPages.get("/learning").body()).contains("学习视图甲一支部", "学习进度落后的党员");
    }

    @Test
    void the_committee_reads_its_rollup_per_child_with_a_course_completion_and_exports_it() throws Exception {
        ApiClient com = api("lcomA");
        ApiClient.Response r = com.get("/api/v1/learning/rollup/" + committeeA.id() + "?year=" + year
                + "&course=" + requiredA);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        var total = r.json().get("total");
        assertThat(total.get("members").asLong()).isEqualTo(3);
        assertThat(total.get("hours").decimalValue()).isEqualByComparingTo("52.50");
        assertThat(total.get("studied").asLong()).isEqualTo(2);
        assertThat(total.get("met").asLong()).isEqualTo(1);
        assertThat(total.get("metPercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(total.get("courseDone").asLong()).isEqualTo(2);
        assertThat(total.get("coursePercent").decimalValue()).isEqualByComparingTo("66.7");
        var children = r.json().get("children");
        assertThat(children.size()).isEqualTo(2);
        assertThat(children.get(0).get("name").asString()).isEqualTo("学习视图甲一支部");
        assertThat(children.get(0).get("hoursPerMember").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(r.body()).doesNotContain("乙");
        // the roll-up equals a recount of the study years of the subtree
        assertThat(total.get("hours").decimalValue()).isEqualByComparingTo(jdbc.sql(
                "select coalesce(sum(hours), 0) from study_year where year = ? and "
                        + cn.zhibu.platform.SubtreeRewrite.orgIdIn("org_id"))
                .params(year, committeeA.path().value(), committeeA.path().upperBound())
                .query(java.math.BigDecimal.class).single());

        ApiClient.Download export = com.download("/api/v1/learning/rollup/" + committeeA.id() + "/export?year=" + year
                + "&course=" + requiredA);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).contains("spreadsheetml");
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(export.body()))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(5);
            assertThat(rows.get(2).getCellText(0)).contains("学习视图甲党委");
            assertThat(rows.get(2).getCellAsNumber(4).orElseThrow()).isEqualByComparingTo("52.5");
            assertThat(rows.get(2).getCellAsNumber(8).orElseThrow()).isEqualByComparingTo("2");
            assertThat(rows.get(1).getCellText(8)).contains("甲党委必修课");
        }
        // a course not addressed to the committee: 404
        assertThat(com.get("/api/v1/learning/rollup/" + committeeA.id() + "?course=" + requiredB).status())
                .isEqualTo(404);
        BrowserSession.Page p = pages("lcomA").get("/learning/rollup/" + committeeA.id() + "?course=" + requiredA);
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.body()).contains("学习视图甲二支部", "66.7%", "导出Excel").doesNotContain("乙党委");
    }

    @Test
    void branch_a_secretary_reaches_nothing_of_branch_b_and_writes_nothing() {
        ApiClient sec = api("lsecA");
        long remindersBefore = jdbc.sql("select count(*) from learning_reminder").query(Long.class).single();
        for (String path : List.of("/api/v1/learning/members/" + memberB.id(),
                "/api/v1/learning/branch/" + branchB.id(), "/api/v1/learning/branch/" + committeeA.id(),
                "/api/v1/learning/rollup/" + committeeB.id(), "/api/v1/learning/rollup/" + committeeA.id(),
                "/api/v1/learning/rollup/" + committeeB.id() + "/export")) {
            ApiClient.Response r = sec.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部秘密党员", "乙党委必修课");
        }
        assertThat(sec.post("/api/v1/learning/branch/" + branchB.id() + "/reminders", Map.of()).status())
                .isEqualTo(404);
        assertThat(sec.post("/api/v1/learning/branch/" + branchA.id() + "/reminders",
                Map.of("memberId", memberB.id())).status()).isEqualTo(404);
        BrowserSession secPages = pages("lsecA");
        for (String path : List.of("/learning/branch/" + branchB.id(), "/learning/rollup/" + committeeB.id(),
                "/learning/rollup/" + committeeB.id() + "/export")) {
            BrowserSession.Page page = secPages.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部秘密党员");
        }
        assertThat(secPages.post("/learning/branch/" + branchB.id() + "/reminders", Map.of()).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from learning_reminder where member_id = ?").param(memberB.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from learning_reminder").query(Long.class).single())
                .isGreaterThanOrEqualTo(remindersBefore);
    }

    @Test
    void hostile_parameters_answer_400_naming_the_field() {
        ApiClient com = api("lcomA");
        ApiClient.Response cursor = com.get("/api/v1/learning/branch/" + branchA.id() + "?after=%27%3Bdrop");
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.errors()).containsKey("after");
        assertThat(com.get("/api/v1/learning/branch/" + branchA.id() + "?size=0").errors()).containsKey("size");
        assertThat(com.get("/api/v1/learning/rollup/" + committeeA.id() + "?year=3000").errors()).containsKey("year");
        assertThat(com.get("/api/v1/learning/rollup/" + committeeA.id() + "?year=abc").status()).isEqualTo(400);
        assertThat(api("lsecA").get("/api/v1/learning/me").status()).isEqualTo(404);
    }
}
