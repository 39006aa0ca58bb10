package cn.zhibu.learning.course;

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
import cn.zhibu.support.MediaSamples;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Courses through the API and the pages: the audience rules (a branch publishes to its subtree, EVERYONE only from a
 * root), hours against the media's length, uploads judged by content and bounded, media streamed with range requests
 * to those the course is addressed to, and every endpoint and page refusing another branch (404, nothing changed).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseApiIntegrationTest {

    private static final String PASSWORD = "Scope@Courses2026";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    Organization committee1;
    Organization branchA;
    Organization committee2;
    Organization branchB;
    String suffix;
    byte[] wav;
    long audioA;
    long audioB;
    long draftB;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee1 = data.committee("课程甲党委" + suffix);
        branchA = data.org(committee1.id(), "课程甲支部", OrganizationType.BRANCH);
        committee2 = data.committee("课程乙党委" + suffix);
        branchB = data.org(committee2.id(), "课程乙支部", OrganizationType.BRANCH);
        Member memberA = data.member(branchA.id(), "课程甲党员", MemberStatus.FULL);
        Member memberB = data.member(branchB.id(), "课程乙党员", MemberStatus.FULL);
        accounts.create("csecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("csecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("croot1" + suffix, PASSWORD, "甲党委管理员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee1.id())));
        accounts.create("cselfA" + suffix, PASSWORD, "课程甲党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("cselfB" + suffix, PASSWORD, "课程乙党员", memberB.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        wav = MediaSamples.wav(30);
        audioA = publishedAudio(api("csecA"), branchA, "甲支部音频课");
        audioB = publishedAudio(api("csecB"), branchB, "乙支部秘密音频课");
        draftB = created(api("csecB"), course(branchB.id(), "乙支部草稿", "ARTICLE", "0.1"));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private BrowserSession pages(String user) {
        return BrowserSession.loggedIn(port, user + suffix, PASSWORD);
    }

    private static Map<String, Object> course(long orgId, String title, String kind, String hours) {
        Map<String, Object> m = new HashMap<>();
        m.put("orgId", orgId);
        m.put("title", title);
        m.put("kind", kind);
        m.put("hours", new java.math.BigDecimal(hours));
        m.put("bodyHtml", "<p>正文<script>alert(1)</script></p>");
        return m;
    }

    private static long created(ApiClient client, Map<String, Object> body) {
        ApiClient.Response r = client.post("/api/v1/learning/courses", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long publishedAudio(ApiClient client, Organization org, String title) {
        long id = created(client, course(org.id(), title, "AUDIO", "0.1"));
        assertThat(upload(client, id, "tone.wav", wav).status()).isEqualTo(200);
        ApiClient.Response p = client.post("/api/v1/learning/courses/" + id + "/publish", Map.of());
        assertThat(p.status()).as(p.body()).isEqualTo(200);
        return id;
    }

    private static ApiClient.Response upload(ApiClient client, long id, String name, byte[] content) {
        return client.send(client.request("/api/v1/learning/courses/" + id + "/media?name=" + name)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build());
    }

    private static HttpResponse<byte[]> fetch(ApiClient client, String path, String range) {
        HttpRequest.Builder b = client.request(path).GET();
        if (range != null) {
            b.header("Range", range);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void an_uploaded_wav_gets_its_length_from_the_file_and_a_credit_of_its_hours() {
        JsonNode c = api("csecA").get("/api/v1/learning/courses/" + audioA).json();
        assertThat(c.get("mediaSeconds").asInt()).isEqualTo(30);
        assertThat(c.get("creditSeconds").asInt()).isEqualTo(30);
        assertThat(c.get("file").get("kind").asString()).isEqualTo("WAV");
        assertThat(c.get("file").get("sha256").asString()).hasSize(64);
        assertThat(c.get("status").asString()).isEqualTo("PUBLISHED");
    }

    @Test
    void hours_above_the_media_length_are_refused_with_the_length_named() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "太长的学时", "AUDIO", "0.2"));
        ApiClient.Response r = upload(secA, id, "tone.wav", wav);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errors().get("hours")).contains("最多0.1学时");
        assertThat(secA.get("/api/v1/learning/courses/" + id).json().has("file")).isFalse();
        // a stated length works the same way for a format whose length the server cannot read
        Map<String, Object> stated = course(branchA.id(), "标注时长", "VIDEO", "1.1");
        stated.put("mediaSeconds", 3600);
        ApiClient.Response s = secA.post("/api/v1/learning/courses", stated);
        assertThat(s.status()).isEqualTo(400);
        assertThat(s.errors().get("hours")).contains("最多1.0学时");
    }

    @Test
    void an_mp4_with_its_movie_header_after_the_media_data_gets_its_length() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "视频课", "VIDEO", "0.5"));
        ApiClient.Response r = upload(secA, id, "lesson.mp4", MediaSamples.mp4(1500, false, 1, 4096));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("mediaSeconds").asInt()).isEqualTo(1500);
        assertThat(r.json().get("creditSeconds").asInt()).isEqualTo(1500);
        assertThat(r.json().get("file").get("mediaType").asString()).isEqualTo("video/mp4");
    }

    @Test
    void a_file_whose_content_is_not_of_the_course_kind_is_refused_415() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "文档课", "DOCUMENT", "0.5"));
        assertThat(upload(secA, id, "fake.pdf", "<html>not a pdf</html>".getBytes()).status()).isEqualTo(415);
        assertThat(upload(secA, id, "tone.pdf", wav).status()).isEqualTo(415);
        assertThat(upload(secA, id, "empty.pdf", new byte[0]).status()).isEqualTo(400);
        assertThat(upload(secA, id, "real.pdf", MediaSamples.pdf()).status()).isEqualTo(200);
        long article = created(secA, course(branchA.id(), "图文课", "ARTICLE", "0.5"));
        assertThat(upload(secA, article, "real.pdf", MediaSamples.pdf()).status()).isEqualTo(400);
    }

    @Test
    void an_upload_over_the_limit_is_refused_413_and_nothing_is_attached() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "大文件", "DOCUMENT", "0.5"));
        byte[] big = Arrays.copyOf(MediaSamples.pdf(), 50 * 1024 * 1024 + 1);
        assertThat(upload(secA, id, "big.pdf", big).status()).isEqualTo(413);
        assertThat(secA.get("/api/v1/learning/courses/" + id).json().has("file")).isFalse();
    }

    @Test
    void the_page_script_upload_streams_past_the_multipart_limit_up_to_the_kinds_limit() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "网页大文件", "AUDIO", "0.1"));
        byte[] large = MediaSamples.wav(6700); // 53.6 MB: above the 50 MB multipart limit, below audio's 300 MB
        BrowserSession page = pages("csecA");
        BrowserSession.Page r = page.putBytes("/learning/courses/" + id + "/media?name=" + "long.wav", "audio/wav", large);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode c = secA.get("/api/v1/learning/courses/" + id).json();
        assertThat(c.get("file").get("sizeBytes").asLong()).isEqualTo(large.length);
        assertThat(c.get("mediaSeconds").asInt()).isEqualTo(6700);
        // the notice waits for the course page the script opens next, as after the form
        assertThat(page.get("/learning/courses/" + id).body()).contains("已上传long.wav");
    }

    @Test
    void the_page_upload_answers_problems_in_chinese_and_needs_the_csrf_token() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "网页上传错误", "DOCUMENT", "0.5"));
        BrowserSession page = pages("csecA");
        String path = "/learning/courses/" + id + "/media?name=x.pdf";
        assertThat(page.putBytesWithoutToken(path, "application/pdf", MediaSamples.pdf()).status()).isEqualTo(403);
        BrowserSession.Page wrongKind = page.putBytes(path, "application/pdf", wav);
        assertThat(wrongKind.status()).isEqualTo(415);
        assertThat(wrongKind.body()).contains("\"file\"").contains("文档课程只接受");
        BrowserSession.Page tooLarge = page.putBytes(path, "application/pdf",
                Arrays.copyOf(MediaSamples.pdf(), 50 * 1024 * 1024 + 1));
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("文件不能超过50 MB");
        assertThat(secA.get("/api/v1/learning/courses/" + id).json().has("file")).isFalse();
    }

    @Test
    void article_html_is_sanitised_and_a_required_course_needs_a_due_date() {
        ApiClient secA = api("csecA");
        long id = created(secA, course(branchA.id(), "图文", "ARTICLE", "0.5"));
        assertThat(secA.get("/api/v1/learning/courses/" + id).json().get("bodyHtml").asString())
                .contains("正文").doesNotContain("script");
        Map<String, Object> required = course(branchA.id(), "必修", "ARTICLE", "0.5");
        required.put("required", true);
        assertThat(secA.post("/api/v1/learning/courses", required).errors()).containsKey("dueOn");
        required.put("dueOn", LocalDate.now().minusDays(1).toString());
        assertThat(secA.post("/api/v1/learning/courses", required).errors()).containsKey("dueOn");
    }

    @Test
    void everyone_only_from_a_root_by_its_manager() {
        Map<String, Object> toAll = course(branchA.id(), "全体", "ARTICLE", "0.5");
        toAll.put("audience", "EVERYONE");
        assertThat(api("csecA").post("/api/v1/learning/courses", toAll).errors()).containsKey("audience");
        toAll.put("orgId", committee1.id());
        ApiClient root = api("croot1");
        long id = created(root, toAll);
        assertThat(root.post("/api/v1/learning/courses/" + id + "/publish", Map.of()).status()).isEqualTo(200);
        // a member of another tree sees it
        assertThat(api("cselfB").get("/api/v1/learning/courses/" + id).status()).isEqualTo(200);
        assertThat(api("cselfB").get("/api/v1/learning/courses/mine").json().findValuesAsString("title")).contains("全体");
    }

    @Test
    void range_requests_whole_first_bytes_suffix_resume_and_unsatisfiable() {
        ApiClient self = api("cselfA");
        String path = "/api/v1/learning/courses/" + audioA + "/media";
        HttpResponse<byte[]> whole = fetch(self, path, null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(wav);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("audio/wav");

        HttpResponse<byte[]> first = fetch(self, path, "bytes=0-99");
        assertThat(first.statusCode()).isEqualTo(206);
        assertThat(first.body()).isEqualTo(Arrays.copyOfRange(wav, 0, 100));
        assertThat(first.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + wav.length);

        HttpResponse<byte[]> suffix = fetch(self, path, "bytes=-10");
        assertThat(suffix.statusCode()).isEqualTo(206);
        assertThat(suffix.body()).isEqualTo(Arrays.copyOfRange(wav, wav.length - 10, wav.length));

        HttpResponse<byte[]> resume = fetch(self, path, "bytes=1000-");
        assertThat(resume.statusCode()).isEqualTo(206);
        assertThat(resume.body()).isEqualTo(Arrays.copyOfRange(wav, 1000, wav.length));

        HttpResponse<byte[]> beyond = fetch(self, path, "bytes=" + (wav.length + 5) + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
        assertThat(fetch(self, path, "bytes=oops").statusCode()).isIn(200, 416);

        // the page side streams the same way, with the session
        assertThat(pages("cselfA").get("/learning/media/" + audioA).status()).isEqualTo(200);
    }

    @Test
    void another_branchs_member_and_secretary_get_404_for_its_media_and_course() {
        for (String user : List.of("cselfA", "csecA")) {
            ApiClient other = api(user);
            assertThat(fetch(other, "/api/v1/learning/courses/" + audioB + "/media", "bytes=0-99").statusCode())
                    .isEqualTo(404);
            ApiClient.Response r = other.get("/api/v1/learning/courses/" + audioB);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("乙支部秘密音频课");
            assertThat(pages(user).get("/learning/media/" + audioB).status()).isEqualTo(404);
            assertThat(pages(user).get("/learning/courses/" + audioB).status()).isEqualTo(404);
        }
        assertThat(api("cselfA").get("/api/v1/learning/courses/mine").body()).doesNotContain("乙支部");
    }

    @Test
    void branch_a_secretary_cannot_write_branch_b_courses_through_api_or_pages() {
        ApiClient secA = api("csecA");
        List<ApiClient.Response> writes = List.of(
                secA.post("/api/v1/learning/courses", course(branchB.id(), "越权", "ARTICLE", "0.5")),
                secA.put("/api/v1/learning/courses/" + draftB, course(branchB.id(), "越权修改", "ARTICLE", "0.5")),
                secA.post("/api/v1/learning/courses/" + draftB + "/publish", Map.of()),
                secA.post("/api/v1/learning/courses/" + audioB + "/withdraw", Map.of()),
                upload(secA, draftB, "x.pdf", MediaSamples.pdf()));
        for (ApiClient.Response r : writes) {
            assertThat(r.status()).as(r.body()).isEqualTo(404);
        }
        assertThat(secA.get("/api/v1/learning/courses?size=100").body()).doesNotContain("乙支部");
        BrowserSession page = pages("csecA");
        for (String path : List.of("/learning/courses/" + draftB, "/learning/courses/" + draftB + "/edit",
                "/learning/courses/new?orgId=" + branchB.id())) {
            assertThat(page.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(page.get("/learning/courses").body()).doesNotContain("乙支部");
        assertThat(page.post("/learning/courses/" + draftB, Map.of("title", "越权", "kind", "ARTICLE", "hours", "1"))
                .status()).isEqualTo(404);
        assertThat(page.post("/learning/courses/" + draftB + "/publish", Map.of("confirmed", "true")).status())
                .isEqualTo(404);
        assertThat(page.putBytes("/learning/courses/" + draftB + "/media?name=x.pdf", "application/pdf",
                MediaSamples.pdf()).status()).isEqualTo(404);
        assertThat(page.post("/learning/courses/" + audioB + "/withdraw", Map.of("confirmed", "true")).status())
                .isEqualTo(404);
        assertThat(page.post("/learning/courses", Map.of("orgId", Long.toString(branchB.id()), "title", "越权",
                "kind", "ARTICLE", "hours", "1")).status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from course where org_id = :o").param("o", branchB.id())
                .query(Long.class).single()).isEqualTo(2);
        JsonNode b = api("csecB").get("/api/v1/learning/courses/" + draftB).json();
        assertThat(b.get("title").asString()).isEqualTo("乙支部草稿");
        assertThat(b.get("status").asString()).isEqualTo("DRAFT");
        assertThat(api("csecB").get("/api/v1/learning/courses/" + audioB).json().get("status").asString())
                .isEqualTo("PUBLISHED");
    }

    @Test
    void a_member_neither_manages_nor_sees_drafts() {
        ApiClient selfB = api("cselfB");
        assertThat(selfB.get("/api/v1/learning/courses").status()).isEqualTo(403);
        assertThat(selfB.post("/api/v1/learning/courses", course(branchB.id(), "党员", "ARTICLE", "0.5")).status())
                .isEqualTo(403);
        assertThat(selfB.get("/api/v1/learning/courses/" + draftB).status()).isEqualTo(404);
        assertThat(selfB.get("/api/v1/learning/courses/mine").json().findValuesAsString("title"))
                .contains("乙支部秘密音频课").doesNotContain("乙支部草稿", "甲支部音频课");
        assertThat(pages("cselfB").get("/learning/courses/mine").body()).contains("乙支部秘密音频课");
        assertThat(pages("cselfB").get("/learning/courses/" + audioB).body()).contains("study-media");
    }

    @Test
    void a_withdrawn_course_is_gone_for_members_and_cannot_be_published_again() {
        ApiClient secA = api("csecA");
        long id = publishedAudio(secA, branchA, "撤回的课");
        assertThat(secA.post("/api/v1/learning/courses/" + id + "/withdraw", Map.of()).status()).isEqualTo(200);
        assertThat(api("cselfA").get("/api/v1/learning/courses/" + id).status()).isEqualTo(404);
        assertThat(secA.post("/api/v1/learning/courses/" + id + "/publish", Map.of()).status()).isEqualTo(400);
    }
}
