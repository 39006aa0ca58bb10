package cn.zhibu.publishing;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
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
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous 公示 comment leaves no record that links it to its author: not the comment row, not its audit entry,
 * not the session; one comment per person still holds, and the author still finds their own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousCommentIntegrationTest {

    private static final String PASSWORD = "Anonymous@2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired PublicityService publicity;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    String suffix;
    String username;
    String displayName;
    Member member;
    long userId;
    Organization branch;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("匿名测试党委" + suffix);
        branch = data.org(committee.id(), "匿名测试支部", OrganizationType.BRANCH);
        // names take no digits: the suffix spelled in letters
        displayName = "隐名者" + suffix.chars().mapToObj(d -> String.valueOf((char) ('a' + d - '0')))
                .collect(java.util.stream.Collectors.joining());
        member = data.member(branch.id(), displayName, MemberStatus.FULL);
        username = "anon" + suffix;
        userId = accounts.create(username, PASSWORD, displayName, member.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        accounts.create("anonsec" + suffix, PASSWORD, "匿名测试书记", null,
                List.of(new RoleGrant(Role.SECRETARY, branch.id())));
    }

    private long openPublicity(String title) {
        return publicity.publish(SYSTEM, new PublicityDraft(branch.id(), title, "公示内容", LocalDate.now(), 5, null,
                null)).id();
    }

    private OffsetDateTime databaseNow() {
        return jdbc.sql("select clock_timestamp()").query(OffsetDateTime.class).single();
    }

    @Test
    void after_an_anonymous_comment_no_column_of_the_audit_log_or_the_comment_holds_the_authors_id_or_name() {
        long p = openPublicity("匿名意见公示");
        ApiClient author = ApiClient.loggedIn(port, username, PASSWORD);
        OffsetDateTime before = databaseNow();
        ApiClient.Response r = author.post("/api/v1/publicity/" + p + "/comments",
                Map.of("text", "我有不同意见", "anonymous", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("mine").asBoolean()).isTrue();
        long commentId = r.json().get("id").asLong();

        List<Map<String, Object>> entries = jdbc.sql("select * from audit_log where at >= ?").param(before)
                .query().listOfRows();
        assertThat(entries).as("the comment's entry").hasSize(1);
        Map<String, Object> entry = entries.get(0);
        assertThat(entry).containsEntry("actor_id", DataScope.ANONYMOUS_ACTOR_ID).containsEntry("actor_name", "匿名")
                .containsEntry("entity_id", Long.toString(commentId));
        assertHoldsNoTraceOfTheAuthor(entry, "actor_id");

        Map<String, Object> row = jdbc.sql("select * from publicity_comment where id = ?").param(commentId).query()
                .singleRow();
        assertThat(row.get("author_user_id")).isNull();
        assertThat(row.get("author_name")).isNull();
        assertHoldsNoTraceOfTheAuthor(row, "author_user_id");
    }

    /** No text or bytes of the row hold the author's user name, display name or user id; no user column holds them. */
    private void assertHoldsNoTraceOfTheAuthor(Map<String, Object> row, String userColumn) {
        assertThat(row.get(userColumn)).isNotEqualTo(userId).isNotEqualTo(member.id());
        for (Map.Entry<String, Object> column : row.entrySet()) {
            String value = column.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(column.getValue());
            assertThat(value).as(column.getKey()).doesNotContain(username).doesNotContain(displayName)
                    .doesNotContain("\"userId\":" + userId).doesNotContain("\"actorId\":" + userId);
        }
    }

    @Test
    void a_second_comment_by_the_same_person_is_refused_and_the_manager_sees_no_name() {
        long p = openPublicity("一人一条公示");
        ApiClient author = ApiClient.loggedIn(port, username, PASSWORD);
        assertThat(author.post("/api/v1/publicity/" + p + "/comments", Map.of("text", "匿名的第一条", "anonymous", true))
                .status()).isEqualTo(201);
        for (boolean anonymous : List.of(true, false)) {
            ApiClient.Response again = author.post("/api/v1/publicity/" + p + "/comments",
                    Map.of("text", "第二条", "anonymous", anonymous));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("errors").get("text").asString()).contains("每人限提一次");
        }
        assertThat(publicity.get(SYSTEM, p).commentCount()).isEqualTo(1);

        ApiClient.Response seen = ApiClient.loggedIn(port, "anonsec" + suffix, PASSWORD)
                .get("/api/v1/publicity/" + p + "/comments");
        JsonNode comment = seen.json().get(0);
        assertThat(comment.get("anonymous").asBoolean()).isTrue();
        assertThat(comment.has("authorName")).isFalse();
        assertThat(comment.get("mine").asBoolean()).isFalse();
        assertThat(seen.body()).doesNotContain(displayName);
        BrowserSession.Page page = BrowserSession.loggedIn(port, "anonsec" + suffix, PASSWORD).get("/publicity/" + p);
        assertThat(page.body()).contains("匿名的第一条").doesNotContain(displayName);
        // the author finds it as their own
        assertThat(author.get("/api/v1/publicity/" + p + "/comments").json().get(0).get("mine").asBoolean()).isTrue();
    }

    @Test
    void the_session_of_an_anonymous_comment_through_the_page_does_not_say_it_was_anonymous() {
        long p = openPublicity("页面匿名意见公示");
        BrowserSession pages = BrowserSession.loggedIn(port, username, PASSWORD);
        BrowserSession.Page posted = pages.post("/publicity/" + p + "/comments",
                Map.of("text", "页面上的匿名意见", "anonymous", "true"));
        assertThat(posted.status()).isEqualTo(302);
        // the flash message waits in the session (named after the user) until the next page: it must not tell
        List<byte[]> attributes = jdbc.sql("""
                        select a.attribute_bytes from spring_session_attributes a
                        join spring_session s on s.primary_id = a.session_primary_id where s.principal_name = ?""")
                .param(username).query(byte[].class).list();
        assertThat(attributes).isNotEmpty();
        for (byte[] bytes : attributes) {
            assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("匿名").doesNotContain("页面上的匿名意见");
        }
        assertThat(pages.get("/publicity/" + p).body()).contains("已提交意见", "页面上的匿名意见");
    }
}
