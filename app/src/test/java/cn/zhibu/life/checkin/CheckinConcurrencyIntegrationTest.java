package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.identity.internal.ApiTokens;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 members scanning in at the same moment, each twice at once (an impatient double tap): every request answered
 * 200, every member counted exactly once, exactly one of each member's two answers the first check-in, and one audit
 * entry each.
 */
@IntegrationTest
class CheckinConcurrencyIntegrationTest {

    private static final int MEMBERS = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestData data;
    @Autowired MeetingFixture fixture;
    @Autowired CheckinCodes codes;
    @Autowired ApiTokens tokens;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @Test
    void two_hundred_members_scanning_at_once_are_each_counted_exactly_once() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("并发签到党委" + suffix);
        Organization branch = data.org(committee.id(), "并发签到支部", OrganizationType.BRANCH);
        List<Member> members = new ArrayList<>();
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Member m = data.member(branch.id(), "并发党员" + CheckinWorld.chinese(i), MemberStatus.FULL);
            members.add(m);
            bearer.add(tokens.issue(user(m, "conc" + i + "u" + suffix)).token());
        }
        long meeting = fixture.meeting(branch, "千人签到演练", Instant.now().minus(Duration.ofMinutes(5)), Duration.ofHours(1),
                members);
        CheckinWorld.awayFromTheTurn();
        String code = codes.current(meeting, CheckinPurpose.IN, Instant.now()).code();

        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(2 * MEMBERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 2 * MEMBERS; i++) {
                String token = bearer.get(i % MEMBERS);
                answers.add(pool.submit(() -> {
                    start.await();
                    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/life/meetings/"
                                    + meeting + "/checkin"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            int[] firsts = new int[MEMBERS];
            for (int i = 0; i < answers.size(); i++) {
                HttpResponse<String> r = answers.get(i).get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                JsonNode body = JSON.readTree(r.body());
                if (!body.get("repeated").asBoolean()) {
                    firsts[i % MEMBERS]++;
                }
            }
            assertThat(firsts).containsOnly(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(fixture.checkedIn(meeting)).isEqualTo(MEMBERS);
        assertThat(jdbc.sql("select count(*) from audit_log where action = '组织生活.签到' and entity_id like ?")
                .param(meeting + ":%").query(Integer.class).single()).isEqualTo(MEMBERS);
    }

    /** A member's account that no password opens (its hash is no hash): it is used through the token issued here. */
    private long user(Member m, String username) {
        long id = jdbc.sql("insert into app_user (username, password_hash, display_name, member_id) values (?, '-', ?, ?) returning id")
                .params(username, m.name(), m.id()).query(Long.class).single();
        jdbc.sql("insert into user_role (user_id, role) values (?, 'MEMBER')").param(id).update();
        return id;
    }
}
