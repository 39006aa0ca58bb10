package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.life.checkin.CheckinPurpose.IN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in across branches: the secretary of another branch (under another committee) can neither see meeting A's
 * screen, its code, its roll or an invitee's page, nor check anyone in or out or record 补课 — 404 everywhere, through
 * the API and the pages, and nothing of A's changes; the organization administrator of A's committee manages it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckinScopeIntegrationTest {

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired MeetingFixture fixture;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    CheckinWorld a;
    CheckinWorld b;
    long meetingA;
    long memberA;

    @BeforeAll
    void world() {
        a = new CheckinWorld(data, accounts, fixture, port, "范围甲", 2);
        b = new CheckinWorld(data, accounts, fixture, port, "范围乙", 1);
        accounts.create("admA" + a.suffix, CheckinWorld.PASSWORD, "甲党委组织委员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, a.committee.id())));
        meetingA = a.meeting("甲支部秘密会议", Duration.ofHours(-2), Duration.ofHours(1), 2);
        memberA = a.member(0).id();
    }

    private String state() {
        return jdbc.sql("""
                        select string_agg(member_id || ':' || coalesce(checked_in_at::text, '-') || ':'
                                          || coalesce(checked_out_at::text, '-') || ':' || coalesce(makeup_on::text, '-'), ',' order by member_id)
                        from life_invitee where meeting_id = ?""").param(meetingA).query(String.class).single()
                + jdbc.sql("select count(*) from audit_log where entity_type = 'life_attendance' and entity_id like ?")
                .param(meetingA + ":%").query(Long.class).single();
    }

    @Test
    void another_branchs_secretary_gets_404_from_every_check_in_endpoint_and_changes_nothing() {
        String before = state();
        ApiClient secB = b.secretary();
        String base = "/api/v1/life/meetings/" + meetingA;
        for (String path : List.of(base + "/checkin-code", base + "/checkin-code?purpose=OUT", base + "/attendance")) {
            ApiClient.Response r = secB.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).as(path).doesNotContain("甲支部秘密会议").doesNotContain("范围甲党员");
        }
        List<ApiClient.Response> writes = List.of(
                secB.post(base + "/attendance/" + memberA + "/checkin", Map.of("reason", "越权签到")),
                secB.post(base + "/attendance/" + memberA + "/checkout", Map.of("reason", "越权签退")),
                secB.post(base + "/attendance/" + memberA + "/makeup", Map.of("on", LocalDate.now().toString(), "note", "越权补课")));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("甲支部秘密会议").doesNotContain("范围甲党员");
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void another_branchs_secretary_cannot_reach_any_check_in_page_of_branch_a() {
        String before = state();
        BrowserSession secB = b.secretaryPages();
        String base = "/life/meetings/" + meetingA;
        for (String path : List.of(base + "/screen", base + "/screen?purpose=OUT", base + "/screen/code",
                base + "/screen/count", base + "/attendance", base + "/attendance/panel", base + "/attendance/" + memberA)) {
            BrowserSession.Page page = secB.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).as(path).doesNotContain("甲支部秘密会议").doesNotContain("范围甲党员");
        }
        for (String path : List.of(base + "/attendance/" + memberA + "/checkin", base + "/attendance/" + memberA + "/checkout")) {
            assertThat(secB.post(path, Map.of("reason", "越权", "confirmed", "true")).status()).as(path).isEqualTo(404);
        }
        assertThat(secB.post(base + "/attendance/" + memberA + "/makeup", Map.of("on", LocalDate.now().toString(),
                "note", "越权补课")).status()).isEqualTo(404);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void a_member_of_another_branch_sees_nothing_of_the_meeting_and_the_committee_of_branch_a_manages_it() {
        assertThat(b.memberApi(0).get("/api/v1/life/meetings/" + meetingA + "/attendance").status()).isEqualTo(404);
        assertThat(b.memberPages(0).get("/life/meetings/" + meetingA + "/attendance").status()).isEqualTo(404);
        ApiClient committeeAdmin = ApiClient.loggedIn(port, "admA" + a.suffix, CheckinWorld.PASSWORD);
        ApiClient.Response roll = committeeAdmin.get("/api/v1/life/meetings/" + meetingA + "/attendance");
        assertThat(roll.status()).isEqualTo(200);
        assertThat(roll.json().get("totals").get("invited").asInt()).isEqualTo(2);
        assertThat(committeeAdmin.get("/api/v1/life/meetings/" + meetingA + "/checkin-code?purpose=" + IN).status())
                .isEqualTo(200);
        assertThat(a.secretaryPages().get("/life/meetings/" + meetingA + "/screen").status()).isEqualTo(200);
    }
}
