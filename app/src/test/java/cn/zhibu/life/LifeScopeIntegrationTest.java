package cn.zhibu.life;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Meetings across branches: branch A's secretary can neither read, edit, cancel, answer for nor decide the leave of
 * branch B's meetings, nor schedule for branch B, through any endpoint or page — each answers 404 and nothing of B's
 * changes; a member schedules nothing and sees only the meetings they are invited to.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifeScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Life2026x";
    private static final LocalDateTime NEXT_WEEK = LocalDate.now().plusDays(7).atTime(14, 30);

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingService meetings;
    @Autowired MeetingAnswers answers;
    @Autowired OrganizationService organizations;
    @LocalServerPort int port;

    Organization branchA;
    Organization branchB;
    Member memberA;
    Member memberB;
    long meetingA;
    long meetingB;
    long committeeMeetingA;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        branchA = data.org(data.committee("生活范围甲党委" + suffix).id(), "生活范围甲支部", OrganizationType.BRANCH);
        branchB = data.org(data.committee("生活范围乙党委" + suffix).id(), "生活范围乙支部", OrganizationType.BRANCH);
        Member secretaryA = data.member(branchA.id(), "甲支部书记", MemberStatus.FULL);
        memberA = data.member(branchA.id(), "甲支部党员", MemberStatus.FULL);
        memberB = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        organizations.startTerm(SYSTEM, branchA.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(SYSTEM, branchA.id(), CommitteePosition.SECRETARY, secretaryA.id(), secretaryA.name());
        accounts.create("lsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("lsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("lselfA" + suffix, PASSWORD, "甲支部党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("lselfB" + suffix, PASSWORD, "乙支部党员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));

        ApiClient.Response b = api("lsecB").post("/api/v1/life/meetings", meeting(branchB.id(), "乙支部秘密会议"));
        assertThat(b.status()).as(b.body()).isEqualTo(201);
        meetingB = b.json().get("id").asLong();
        answers.askLeave(LifeScopes.memberScope(memberB), meetingB, "乙支部党员请假");
        meetingA = api("lsecA").post("/api/v1/life/meetings", meeting(branchA.id(), "甲支部主题党日")).json().get("id").asLong();
        committeeMeetingA = meetings.schedule(SYSTEM, new MeetingDraft(branchA.id(), "甲支部支委会",
                Set.of(MeetingKind.COMMITTEE), NEXT_WEEK, NEXT_WEEK.plusHours(1), "会议室", null, null, null, null, null)).id();
    }

    private static Map<String, Object> meeting(long orgId, String title) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orgId", orgId);
        m.put("title", title);
        m.put("kinds", List.of("THEME_DAY"));
        m.put("startsAt", NEXT_WEEK.toString());
        m.put("endsAt", NEXT_WEEK.plusHours(2).toString());
        m.put("place", "党员活动室");
        return m;
    }

    private static Map<String, String> form(long orgId, String title) {
        return Map.of("orgId", Long.toString(orgId), "title", title, "kinds", "THEME_DAY",
                "startsAt", NEXT_WEEK.toString(), "endsAt", NEXT_WEEK.plusHours(2).toString(), "place", "会议室");
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    /** The meeting list is a cached read: 304 for the caller's tag until a meeting changes, never another's. */
    @Test
    void the_meeting_list_answers_its_tag_with_304_until_a_meeting_is_scheduled_and_opens_no_other_branch() {
        ApiClient secA = api("lsecA");
        String listA = "/api/v1/life/meetings?orgId=" + branchA.id();
        // up to three tries: a background job of the shared test context may commit a change meanwhile
        String tag = null;
        int status = 0;
        for (int attempt = 0; attempt < 3 && status != 304; attempt++) {
            tag = secA.get(listA).header("ETag");
            status = secA.send("GET", listA, null, Map.of("If-None-Match", tag)).status();
        }
        assertThat(tag).startsWith("W/\"");
        assertThat(status).isEqualTo(304);
        ApiClient.Response outside = api("lsecB").send("GET", listA, null, Map.of("If-None-Match", tag));
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.body()).doesNotContain("甲支部主题党日");
        // a 支委会: its invitees are the committee's, so the branch's members' own lists (another test) stay as they are
        Map<String, Object> committeeMeeting = meeting(branchA.id(), "甲支部缓存后安排");
        committeeMeeting.put("kinds", List.of("COMMITTEE"));
        ApiClient.Response scheduled = secA.post("/api/v1/life/meetings", committeeMeeting);
        assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
        ApiClient.Response after = secA.send("GET", listA, null, Map.of("If-None-Match", tag));
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).contains("甲支部缓存后安排");
        assertThat(after.header("ETag")).isNotEqualTo(tag);
    }

    @Test
    void branch_a_secretary_reaches_nothing_of_branch_b_through_the_api() {
        ApiClient secA = api("lsecA");
        String b = "/api/v1/life/meetings/" + meetingB;
        for (String path : List.of(b, b + "/invitees", "/api/v1/life/meetings?orgId=" + branchB.id(),
                "/api/v1/life/meetings/kinds?orgId=" + branchB.id())) {
            ApiClient.Response r = secA.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("乙支部秘密会议");
        }
        assertThat(secA.get("/api/v1/life/meetings?size=100").body()).doesNotContain("乙支部");
        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/life/meetings", meeting(branchB.id(), "越权安排")),
                secA.put(b, meeting(branchB.id(), "越权修改")),
                secA.post(b + "/cancel", Map.of("reason", "越权取消")),
                secA.post(b + "/answer", Map.of("response", "CONFIRMED")),
                secA.post(b + "/invitees/" + memberB.id() + "/leave", Map.of("approve", true)));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("乙支部秘密会议");
        }
        assertNothingChangedOnBranchB();
    }

    @Test
    void branch_a_secretary_reaches_nothing_of_branch_b_through_the_pages() {
        BrowserSession secA = pages("lsecA");
        String b = "/life/meetings/" + meetingB;
        for (String path : List.of(b, b + "/edit", "/life?orgId=" + branchB.id(),
                "/life/meetings/new?orgId=" + branchB.id(), "/life/meetings/parts?orgId=" + branchB.id())) {
            BrowserSession.Page page = secA.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("乙支部秘密会议");
        }
        assertThat(secA.get("/life").body()).doesNotContain("乙支部秘密会议");
        Map<String, BrowserSession.Page> posts = new LinkedHashMap<>();
        posts.put("schedule", secA.post("/life/meetings", form(branchB.id(), "越权安排")));
        posts.put("edit", secA.post(b + "/edit", form(branchB.id(), "越权修改")));
        posts.put("cancel", secA.post(b + "/cancel", Map.of("reason", "越权取消", "confirmed", "true")));
        posts.put("confirm", secA.post(b + "/confirm", Map.of()));
        posts.put("leave", secA.post(b + "/leave", Map.of("reason", "越权请假")));
        posts.put("decide", secA.post(b + "/invitees/" + memberB.id() + "/leave", Map.of("approve", "true")));
        posts.forEach((what, page) -> assertThat(page.status()).as(what).isEqualTo(404));
        assertNothingChangedOnBranchB();
    }

    @Test
    void a_member_schedules_nothing_and_sees_only_the_meetings_they_are_invited_to() {
        ApiClient selfA = api("lselfA");
        assertThat(selfA.post("/api/v1/life/meetings", meeting(branchA.id(), "党员安排")).status()).isEqualTo(403);
        assertThat(selfA.post("/api/v1/life/meetings/" + meetingA + "/cancel", Map.of("reason", "党员取消")).status())
                .isEqualTo(403);
        assertThat(selfA.put("/api/v1/life/meetings/" + meetingA, meeting(branchA.id(), "党员修改")).status()).isEqualTo(403);
        assertThat(selfA.post("/api/v1/life/meetings/" + meetingA + "/invitees/" + memberA.id() + "/leave",
                Map.of("approve", true)).status()).isEqualTo(403);
        JsonNode list = selfA.get("/api/v1/life/meetings?size=100").json();
        assertThat(list.get("items").findValuesAsString("title")).containsExactly("甲支部主题党日");
        assertThat(selfA.get("/api/v1/life/meetings/" + committeeMeetingA).status()).as("not invited").isEqualTo(404);
        assertThat(selfA.get("/api/v1/life/meetings/" + meetingB).status()).isEqualTo(404);
        JsonNode own = selfA.get("/api/v1/life/meetings/" + meetingA + "/invitees").json();
        assertThat(own.size()).as("a member sees their own invitation only").isEqualTo(1);
        assertThat(own.get(0).get("memberId").asLong()).isEqualTo(memberA.id());
        ApiClient.Response answer = selfA.post("/api/v1/life/meetings/" + meetingA + "/answer", Map.of("response", "CONFIRMED"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("response").asString()).isEqualTo("CONFIRMED");

        BrowserSession pagesA = pages("lselfA");
        assertThat(pagesA.get("/life/meetings/new").status()).isEqualTo(403);
        assertThat(pagesA.post("/life/meetings", form(branchA.id(), "党员安排")).status()).isEqualTo(403);
        assertThat(pagesA.get("/life/meetings/" + meetingA + "/edit").status()).isEqualTo(403);
        assertThat(pagesA.get("/life").body()).contains("甲支部主题党日").doesNotContain("甲支部支委会", "乙支部");
        BrowserSession.Page detail = pagesA.get("/life/meetings/" + meetingA);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("my-answer", "确认参加").doesNotContain("invitee-table", "cancel-form");
        assertThat(pagesA.post("/life/meetings/" + meetingA + "/leave", Map.of("reason", "出差")).status()).isEqualTo(302);
        assertThat(api("lsecA").get("/api/v1/life/meetings/" + meetingA + "/invitees").json().findValuesAsString("leaveStatus"))
                .contains("REQUESTED");
    }

    @Test
    void the_owning_secretary_gets_every_page_rendered_and_the_api_names_each_wrong_field() {
        BrowserSession secB = pages("lsecB");
        String b = "/life/meetings/" + meetingB;
        for (String path : List.of("/life", "/life?orgId=" + branchB.id() + "&kind=THEME_DAY&status=PLANNED&month="
                        + NEXT_WEEK.toString().substring(0, 7), b, b + "/edit", "/life/meetings/new",
                "/life/meetings/new?orgId=" + branchB.id(), "/life/meetings/parts?orgId=" + branchB.id())) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.body()).as(path).doesNotContain("出错了");
        }
        assertThat(secB.get(b).body()).contains("乙支部党员请假", "approve-leave", "cancel-form");
        BrowserSession.Page confirm = secB.post(b + "/cancel", Map.of("reason", "测试确认页"));
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("确定取消这次会议吗", "测试确认页");
        BrowserSession.Page invalid = secB.post("/life/meetings", Map.of("orgId", Long.toString(branchB.id()),
                "startsAt", "2026-13-40T25:00"));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("格式不正确", "meeting-form");

        ApiClient api = api("lsecB");
        ApiClient.Response r = api.post("/api/v1/life/meetings", Map.of("orgId", branchB.id(), "title", "只有名称"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors()).containsKeys("kinds", "startsAt", "endsAt", "place");
        assertThat(api.post("/api/v1/life/meetings", Map.of("orgId", branchB.id(), "kinds", List.of("PICNIC"))).status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/life/meetings?month=2026-13").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/life/meetings/" + meetingB + "/answer", Map.of()).errors()).containsKey("response");
        assertNothingChangedOnBranchB();
    }

    private void assertNothingChangedOnBranchB() {
        ApiClient secB = api("lsecB");
        JsonNode m = secB.get("/api/v1/life/meetings/" + meetingB).json();
        assertThat(m.get("title").asString()).isEqualTo("乙支部秘密会议");
        assertThat(m.get("status").asString()).isEqualTo("PLANNED");
        assertThat(m.get("version").asInt()).isZero();
        JsonNode invitees = secB.get("/api/v1/life/meetings/" + meetingB + "/invitees").json();
        assertThat(invitees.size()).isEqualTo(1);
        assertThat(invitees.get(0).get("leaveStatus").asString()).isEqualTo("REQUESTED");
        assertThat(invitees.get(0).has("leaveDecidedBy")).isFalse();
        JsonNode list = secB.get("/api/v1/life/meetings?size=100").json();
        assertThat(list.get("total").asInt()).as("nothing was scheduled for B by anyone else").isEqualTo(1);
    }
}
