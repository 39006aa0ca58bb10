package cn.zhibu.demo;

import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's classes: the secretary and the demo member completed the concentrated class (credited in full), another
 * member missed more than 1/7 of it; the demo member has a class running with a session today; points have reasons.
 */
@IntegrationTest
class DemoLearningClassesIntegrationTest {

    @LocalServerPort int port;

    @Test
    void the_demo_branch_has_a_completed_class_one_who_missed_too_much_and_a_session_today() {
        ApiClient member = ApiClient.loggedIn(port, DemoAccounts.MEMBER, DemoAccounts.PASSWORD);
        JsonNode mine = member.get("/api/v1/learning/classes/mine").json();
        assertThat(mine.findValuesAsString("title")).contains("党支部书记和党员集中轮训班", "学习贯彻党的创新理论专题培训班");
        JsonNode done = null;
        for (JsonNode m : mine) {
            if (m.get("trainingClass").get("title").asString().equals("党支部书记和党员集中轮训班")) {
                done = m;
            }
        }
        assertThat(done).isNotNull();
        assertThat(done.get("enrolment").get("completed").asBoolean()).isTrue();
        assertThat(done.get("trainingClass").get("totalHours").decimalValue()).isEqualByComparingTo("20");

        ApiClient secretary = ApiClient.loggedIn(port, DemoAccounts.SECRETARY, DemoAccounts.PASSWORD);
        JsonNode enrolments = secretary.get("/api/v1/learning/classes/" + done.get("trainingClass").get("id").asLong()
                + "/enrolments").json();
        assertThat(enrolments).hasSize(3);
        int completed = 0;
        for (JsonNode e : enrolments) {
            if (e.get("memberName").asString().equals(DemoAccounts.SECRETARY_NAME)) {
                assertThat(e.get("completed").asBoolean()).isTrue();
            }
            completed += e.get("completed").asBoolean() ? 1 : 0;
        }
        assertThat(completed).isEqualTo(2);

        String page = member.get("/api/v1/inbox").body();
        assertThat(page).contains("今日培训：学习贯彻党的创新理论专题培训班");
        JsonNode points = member.get("/api/v1/learning/points/me").json();
        assertThat(points.get("entries").findValuesAsString("reason")).contains("在市直机关党史知识竞赛中获三等奖");
    }
}
