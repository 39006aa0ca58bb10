package cn.zhibu.life;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint and page of the meeting record, tried by branch A's secretary on branch B's meetings (one record still
 * editable, one confirmed): 404 everywhere, no word of B's record in any answer, and nothing of B's changed. B's own
 * secretary gets every page rendered.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordScopeIntegrationTest {

    private static final String PASSWORD = "Scope@Record2026";
    private static final String SECRET = "乙支部的秘密议题";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired RecordService records;
    @Autowired RecordFiles files;
    @LocalServerPort int port;

    long held;
    long confirmed;
    long fileOfHeld;
    long fileOfConfirmed;
    String suffix;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committeeA = data.committee("记录范围甲党委" + suffix);
        Organization branchA = data.org(committeeA.id(), "记录范围甲支部", OrganizationType.BRANCH);
        Organization committeeB = data.committee("记录范围乙党委" + suffix);
        Organization branchB = data.org(committeeB.id(), "记录范围乙支部", OrganizationType.BRANCH);
        Member memberB = data.member(branchB.id(), "乙支部党员", MemberStatus.FULL);
        accounts.create("lsecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("lsecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        held = meeting(branchB, memberB);
        confirmed = meeting(branchB, memberB);
        fileOfHeld = files.attach(SYSTEM, held, "乙支部签到表.png", MeetingRecordIntegrationTest.PNG, null).id();
        fileOfConfirmed = files.attach(SYSTEM, confirmed, "乙支部照片.png", MeetingRecordIntegrationTest.PNG, null).id();
        records.confirm(SYSTEM, confirmed);
    }

    private long meeting(Organization branch, Member member) {
        long id = fixture.heldDaysAgo(branch, "乙支部主题党日", 1, MeetingKind.GENERAL_ASSEMBLY);
        fixture.invite(id, member, true);
        records.save(SYSTEM, id, new RecordForm("<p>" + SECRET + "</p>", List.of("乙支部决议"), "乙支部书记", "乙支部党员",
                List.of(member.id()), null));
        return id;
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private static String base(long meeting) {
        return "/api/v1/life/meetings/" + meeting + "/record";
    }

    @Test
    void another_branchs_secretary_gets_404_from_every_endpoint_and_changes_nothing() {
        ApiClient secA = api("lsecA");
        Map<String, Object> record = Map.of("minutes", "<p>越权</p>", "chair", "甲", "minutesTaker", "甲",
                "presentMemberIds", List.of());
        for (long[] m : new long[][]{{held, fileOfHeld}, {confirmed, fileOfConfirmed}}) {
            String base = base(m[0]);
            List<ApiClient.Response> answers = List.of(secA.get(base), secA.get(base + "/amendments"),
                    secA.get(base + "/files"), secA.get(base + "/files/" + m[1]), secA.put(base, record),
                    secA.post(base + "/confirm", Map.of()),
                    secA.post(base + "/amendments", Map.of("chair", "越权", "reason", "越权更正")),
                    secA.postFile(base + "/files", "越权.png", MeetingRecordIntegrationTest.PNG),
                    secA.delete(base + "/files/" + m[1]));
            for (ApiClient.Response r : answers) {
                assertThat(r.status()).as(r.body()).isEqualTo(404);
                assertThat(r.body()).doesNotContain(SECRET).doesNotContain("乙支部");
            }
            assertThat(secA.download(base + "/files/" + m[1]).status()).isEqualTo(404);
        }
        assertNothingChanged();
    }

    @Test
    void another_branchs_secretary_gets_404_from_every_page_and_changes_nothing() {
        BrowserSession secA = pages("lsecA");
        for (long[] m : new long[][]{{held, fileOfHeld}, {confirmed, fileOfConfirmed}}) {
            String page = "/life/meetings/" + m[0] + "/record";
            for (String path : List.of(page, page + "/summary", page + "/amend", page + "/history",
                    page + "/files/" + m[1], page + "/files/" + m[1] + "?inline=true")) {
                BrowserSession.Page p = secA.get(path);
                assertThat(p.status()).as(path).isEqualTo(404);
                assertThat(p.body()).as(path).doesNotContain(SECRET);
            }
            for (var post : List.of(Map.entry(page, Map.of("minutes", "<p>越权</p>", "chair", "甲", "minutesTaker", "甲")),
                    Map.entry(page + "/confirm", Map.of("confirmed", "true")),
                    Map.entry(page + "/amendments", Map.of("chair", "越权", "reason", "越权")),
                    Map.entry(page + "/files", Map.of("reason", "越权")),
                    Map.entry(page + "/files/" + m[1] + "/delete", Map.<String, String>of()))) {
                BrowserSession.Page p = secA.post(post.getKey(), post.getValue());
                assertThat(p.status()).as(post.getKey()).isEqualTo(404);
                assertThat(p.body()).as(post.getKey()).doesNotContain(SECRET);
            }
        }
        assertNothingChanged();
    }

    private void assertNothingChanged() {
        MeetingRecord h = records.read(SYSTEM, held);
        assertThat(h.meeting().status()).isEqualTo(MeetingStatus.HELD);
        assertThat(h.minutes().html()).isEqualTo("<p>" + SECRET + "</p>");
        assertThat(h.minutes().chair()).isEqualTo("乙支部书记");
        assertThat(h.files()).hasSize(1);
        assertThat(h.attendance().present()).isEqualTo(1);
        MeetingRecord c = records.read(SYSTEM, confirmed);
        assertThat(c.meeting().status()).isEqualTo(MeetingStatus.CONFIRMED);
        assertThat(c.minutes().chair()).isEqualTo("乙支部书记");
        assertThat(c.corrections()).isZero();
        assertThat(c.files()).hasSize(1);
    }

    @Test
    void the_owning_secretary_gets_every_page_rendered() {
        BrowserSession secB = pages("lsecB");
        String heldPage = "/life/meetings/" + held + "/record";
        String confirmedPage = "/life/meetings/" + confirmed + "/record";
        for (String path : List.of(heldPage, heldPage + "/summary", heldPage + "/history", confirmedPage,
                confirmedPage + "/summary", confirmedPage + "/amend", confirmedPage + "/history",
                confirmedPage + "/files/" + fileOfConfirmed + "?inline=true")) {
            BrowserSession.Page p = secB.get(path);
            assertThat(p.status()).as(path).isEqualTo(200);
            assertThat(p.body()).as(path).doesNotContain("出错了");
        }
        assertThat(secB.get(heldPage).body()).contains("record-form", "minutes", "record-roll", "已达到法定人数",
                "confirm-record");
        assertThat(secB.get(confirmedPage).body()).contains(SECRET, "amend-link", "record-locked")
                .doesNotContain("record-form");
        BrowserSession.Page ask = secB.post(heldPage + "/confirm", Map.of());
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("确定确认", "不能撤销", "应到1人，实到1人");
        assertThat(secB.get(confirmedPage + "/amend").body()).contains("amend-form", "更正理由");
    }
}
