package cn.zhibu.learning.study;

import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestClock;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The study endpoints over HTTP: the app's API (bearer token) and the page's JSON calls (login session and CSRF) —
 * the two devices' 409, a clock changed on the phone (times in the body are ignored), scope (another member's
 * session, a secretary who is not a member, another branch's course: 404 and nothing changed), hostile bodies (4xx).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyApiIntegrationTest {

    private static final String API = "/api/v1/learning/study/sessions";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    StudyWorld world;
    Member memberA;
    Member memberB;
    long courseA;
    long courseB;

    @BeforeAll
    void world() {
        world = new StudyWorld(data, accounts, jdbc);
        memberA = world.member(world.branchA, "sa1");
        memberB = world.member(world.branchB, "sb1");
        world.member(world.branchA, "sa2");
        world.secretary(world.branchA, "ssecA");
        courseA = world.article(world.branchA, 3600);
        courseB = world.article(world.branchB, 3600);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, world.user(user), StudyWorld.PASSWORD);
    }

    private static Map<String, Object> beat(String token, boolean visible) {
        return Map.of("token", token, "visible", visible, "position", 5);
    }

    private int credited(long memberId, long courseId) {
        return jdbc.sql("select coalesce(sum(credited_seconds), 0) from course_progress where member_id = ? and course_id = ?")
                .params(memberId, courseId).query(Integer.class).single();
    }

    @Test
    void T1_two_devices_the_first_is_told_another_device_took_over() {
        ApiClient phone = api("sa1");
        ApiClient laptop = api("sa1");
        ApiClient.Response started = phone.post(API, Map.of("courseId", courseA, "device", "手机"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long session = started.json().get("sessionId").asLong();
        assertThat(started.json().get("beatSeconds").asInt()).isEqualTo(30);
        ApiClient.Response second = laptop.post(API, Map.of("courseId", courseA, "device", "电脑"));
        assertThat(second.json().get("tookOver").asBoolean()).isTrue();
        clock.advance(Duration.ofSeconds(30));
        ApiClient.Response refused = phone.post(API + "/" + session + "/beats",
                beat(started.json().get("token").asString(), true));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("reason").asString()).isEqualTo("TAKEN_OVER");
        assertThat(refused.json().get("detail").asString()).contains("已在其他设备上学习");
        ApiClient.Response ok = laptop.post(API + "/" + second.json().get("sessionId").asLong() + "/beats",
                beat(second.json().get("token").asString(), true));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("credited").asInt()).isEqualTo(30);
        assertThat(ok.json().get("token").asString()).isNotEqualTo(second.json().get("token").asString());
    }

    @Test
    void T1_a_clock_changed_on_the_phone_changes_nothing_times_in_the_body_are_ignored() {
        ApiClient phone = api("sa2");
        JsonNode started = phone.post(API, Map.of("courseId", courseA)).json();
        clock.advance(Duration.ofSeconds(5));
        ApiClient.Response r = phone.postJson(API + "/" + started.get("sessionId").asLong() + "/beats",
                "{\"token\":\"" + started.get("token").asString() + "\",\"visible\":true,\"position\":1,"
                        + "\"clientTime\":\"2099-01-01T00:00:00Z\",\"elapsed\":3600,\"duration\":3600,\"credited\":3600}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("credited").asInt()).as("5 s by the server's clock: early").isZero();
    }

    @Test
    void scope_another_members_session_a_secretary_and_another_branchs_course_get_404_and_change_nothing() {
        ApiClient a = api("sa1");
        JsonNode started = a.post(API, Map.of("courseId", courseA)).json();
        long session = started.get("sessionId").asLong();
        String token = started.get("token").asString();
        int before = credited(memberA.id(), courseA);
        clock.advance(Duration.ofSeconds(40));
        for (ApiClient other : List.of(api("sb1"), api("ssecA"))) {
            for (String path : List.of(API + "/" + session + "/beats", API + "/" + session + "/end")) {
                ApiClient.Response r = other.post(path, beat(token, true));
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.body()).doesNotContain("学习课程");
            }
        }
        assertThat(api("sb1").post(API, Map.of("courseId", courseA)).status()).isEqualTo(404);
        assertThat(api("ssecA").post(API, Map.of("courseId", courseA)).status()).as("not a member").isEqualTo(404);
        assertThat(a.post(API, Map.of("courseId", courseB)).status()).as("another branch's course").isEqualTo(404);
        assertThat(credited(memberA.id(), courseA)).isEqualTo(before);
        assertThat(credited(memberB.id(), courseA)).isZero();
        assertThat(new ApiClient(port).post(API, Map.of("courseId", courseA)).status()).isEqualTo(401);
    }

    @Test
    void hostile_bodies_are_refused_with_4xx_naming_the_field() {
        ApiClient a = api("sa1");
        JsonNode started = a.post(API, Map.of("courseId", courseA)).json();
        String beats = API + "/" + started.get("sessionId").asLong() + "/beats";
        String token = started.get("token").asString();
        Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{}", "token");
        bodies.put("{\"token\":\"" + token + "\"}", "visible");
        bodies.put("{\"token\":\"" + token + "\",\"visible\":true,\"position\":-1}", "position");
        bodies.put("{\"token\":\"" + token + "\",\"visible\":true,\"position\":99999999999}", "position");
        bodies.put("{\"token\":\"" + "x".repeat(5000) + "\",\"visible\":true}", "token");
        bodies.put("{\"token\":\"a\\u0000b\",\"visible\":true}", "token");
        bodies.put("{\"token\":[1],\"visible\":true}", "token");
        bodies.put("{\"token\":\"" + token + "\",\"visible\":\"yes\"}", "visible");
        bodies.forEach((body, field) -> {
            ApiClient.Response r = a.postJson(beats, body);
            assertThat(r.status()).as(body.length() > 80 ? body.substring(0, 80) : body).isBetween(400, 499);
            assertThat(r.errors()).as(body.length() > 80 ? body.substring(0, 80) : body).containsKey(field);
        });
        for (String body : List.of("", "null", "[]", "{\"courseId\":\"abc\"}", "{\"courseId\":1e99}",
                "{\"courseId\":" + courseA + ",\"device\":\"" + "设".repeat(200) + "\"}")) {
            assertThat(a.postJson(API, body).status()).as(body).isBetween(400, 499);
        }
        assertThat(a.postJson(API + "/99999999999999999999/beats", "{}").status()).isBetween(400, 499);
        assertThat(a.post(beats, beat(token, true)).status()).as("the session still works").isEqualTo(200);
    }

    @Test
    void the_page_studies_through_its_login_session_with_the_csrf_token() throws Exception {
        BrowserSession page = BrowserSession.loggedIn(port, world.user("sa2"), StudyWorld.PASSWORD);
        String start = "{\"courseId\":" + courseA + ",\"device\":\"浏览器\"}";
        assertThat(page.postJsonWithoutToken("/learning/study/sessions", start).status()).isEqualTo(403);
        BrowserSession.Page started = page.postJson("/learning/study/sessions", start);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(started.body());
        clock.advance(Duration.ofSeconds(30));
        BrowserSession.Page beat = page.postJson("/learning/study/sessions/" + json.get("sessionId").asLong() + "/beats",
                "{\"token\":\"" + json.get("token").asString() + "\",\"visible\":true,\"position\":3}");
        assertThat(beat.status()).as(beat.body()).isEqualTo(200);
        assertThat(JSON.readTree(beat.body()).get("credited").asInt()).isEqualTo(30);
        BrowserSession.Page replay = page.postJson("/learning/study/sessions/" + json.get("sessionId").asLong()
                + "/beats", "{\"token\":\"" + json.get("token").asString() + "\",\"visible\":true}");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(JSON.readTree(replay.body()).get("reason").asString()).isEqualTo("STALE_TOKEN");
    }
}
