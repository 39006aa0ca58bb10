package cn.zhibu.demo;

import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo member has a required audio course due (its length read from the WAV), a PDF reading and an article. */
@IntegrationTest
class DemoLearningCoursesIntegrationTest {

    @LocalServerPort int port;

    @Test
    void the_demo_member_has_a_required_course_due_first() {
        ApiClient member = ApiClient.loggedIn(port, DemoAccounts.MEMBER, DemoAccounts.PASSWORD);
        JsonNode mine = member.get("/api/v1/learning/courses/mine").json();
        assertThat(mine.findValuesAsString("title")).contains("党章学习（音频）", "支部工作条例（文档）", "学习贯彻党的二十大精神");
        assertThat(mine.get(0).get("required").asBoolean()).isTrue();
        assertThat(mine.get(0).get("dueOn").asString()).isNotBlank();
        long audio = mine.get(0).get("id").asLong();
        JsonNode course = member.get("/api/v1/learning/courses/" + audio).json();
        assertThat(course.get("mediaSeconds").asInt()).isEqualTo(360);
        assertThat(member.download("/api/v1/learning/courses/" + audio + "/media").status()).isEqualTo(200);
    }
}
