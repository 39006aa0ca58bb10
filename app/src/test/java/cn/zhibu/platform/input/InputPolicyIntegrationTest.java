package cn.zhibu.platform.input;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The input policy at every operation that takes text or dates: a NUL (a 500 on 29 fields before, PostgreSQL refusing
 * 0x00), a control character, a direction override, a line break in a one-line field, one character over the kind's
 * length, a date like +999999999-12-31, a fraction for an id (it landed on organization 1), a number for an enum —
 * each is a 400 problem naming the field, before anything is read or written. Ids in the paths need not exist: the
 * body is refused at the door.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputPolicyIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired TestData data;
    @Autowired JdbcClient jdbc;

    ApiClient admin;

    @BeforeAll
    void login() {
        admin = ApiClient.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
    }

    /** One text field of one operation; {@code body} builds the request around the value (null: a query parameter). */
    record TextField(String method, String path, String field, TextKind kind, Function<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("\\?.*", "") + " " + field;
        }
    }

    static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    static Map<String, Object> org(String field, Object value) {
        Map<String, Object> m = obj("parentId", 1, "name", "输入策略支部", "type", "BRANCH", "category", "GOVERNMENT");
        m.put(field, value);
        return m;
    }

    static Map<String, Object> member(String field, Object value) {
        Map<String, Object> m = obj("orgId", 1, "name", "张三", "ethnicity", "汉族", "idNumber", "110101198001010016",
                "education", "BACHELOR", "occupation", "CIVIL_SERVANT", "status", "FULL", "joinedOn", "2005-07-01",
                "convertedOn", "2006-07-01", "jobTitle", "科员", "workUnit", "某单位");
        m.put(field, value);
        return m;
    }

    static Map<String, Object> step(String field, Object value) {
        Map<String, Object> m = obj("step", "FIRST_TALK", "doneOn", "2024-01-10", "actedBy", "李四", "note", "谈话");
        m.put(field, value);
        return m;
    }

    static Map<String, Object> with(String field, Object value, Object... others) {
        Map<String, Object> m = obj(others);
        m.put(field, value);
        return m;
    }

    static Stream<TextField> textFields() {
        return Stream.of(
                new TextField("POST", "/api/v1/orgs", "name", TextKind.NAME, v -> org("name", v)),
                new TextField("POST", "/api/v1/orgs", "unitName", TextKind.NAME, v -> org("unitName", v)),
                new TextField("PUT", "/api/v1/orgs/1", "organization.shortName", TextKind.NAME,
                        v -> obj("version", 0, "organization", org("shortName", v))),
                new TextField("POST", "/api/v1/orgs/1/dissolve", "reason", TextKind.NOTE,
                        v -> with("reason", v, "dissolvedOn", "2024-01-01")),
                new TextField("POST", "/api/v1/orgs/1/committee/seats", "personName", TextKind.NAME,
                        v -> with("personName", v, "position", "SECRETARY")),
                new TextField("POST", "/api/v1/members", "name", TextKind.NAME, v -> member("name", v)),
                new TextField("POST", "/api/v1/members", "workUnit", TextKind.NAME, v -> member("workUnit", v)),
                new TextField("POST", "/api/v1/members", "idNumber", TextKind.SHORT, v -> member("idNumber", v)),
                new TextField("PUT", "/api/v1/members/1", "member.jobTitle", TextKind.NAME,
                        v -> obj("version", 0, "member", member("jobTitle", v))),
                new TextField("POST", "/api/v1/members/1/status-changes", "reason", TextKind.NOTE,
                        v -> with("reason", v, "kind", "SUSPEND", "effectiveOn", "2024-01-01")),
                new TextField("POST", "/api/v1/members/1/status-changes", "documentRef", TextKind.SHORT,
                        v -> with("documentRef", v, "kind", "SUSPEND", "reason", "失联")),
                new TextField("POST", "/api/v1/members/1/transfers", "reason", TextKind.NOTE,
                        v -> with("reason", v, "toOrgId", 2)),
                new TextField("POST", "/api/v1/members/1/transfers/outbound", "externalOrg", TextKind.NAME,
                        v -> with("externalOrg", v, "reason", "工作调动")),
                new TextField("POST", "/api/v1/member-inbounds", "letter.letterNo", TextKind.SHORT,
                        v -> obj("member", member("name", "王五"), "letter", with("letterNo", v, "fromOrg", "某党委"))),
                new TextField("POST", "/api/v1/members/1/outflow", "destination", TextKind.SHORT,
                        v -> with("destination", v, "reason", "务工", "leftOn", "2024-01-01")),
                new TextField("POST", "/api/v1/orgs/1/inflows", "homeOrg", TextKind.NAME,
                        v -> with("homeOrg", v, "name", "赵六", "arrivedOn", "2024-01-01")),
                new TextField("POST", "/api/v1/outflows/1/certificate", "number", TextKind.SHORT,
                        v -> with("number", v)),
                new TextField("POST", "/api/v1/transfers/1/refuse", "note", TextKind.NOTE, v -> with("note", v)),
                new TextField("POST", "/api/v1/publicity", "title", TextKind.SHORT,
                        v -> with("title", v, "orgId", 1, "body", "内容", "startsOn", "2030-01-02", "workingDays", 5)),
                new TextField("POST", "/api/v1/publicity", "body", TextKind.LONG,
                        v -> with("body", v, "orgId", 1, "title", "标题", "startsOn", "2030-01-02", "workingDays", 5)),
                new TextField("POST", "/api/v1/publicity/1/comments", "text", TextKind.NOTE, v -> with("text", v)),
                new TextField("POST", "/api/v1/publicity/1/withdraw", "reason", TextKind.NOTE, v -> with("reason", v)),
                new TextField("POST", "/api/v1/admission/cases", "name", TextKind.NAME,
                        v -> with("name", v, "orgId", 1, "idNumber", "110101198001010016", "appliedOn", "2024-01-01")),
                new TextField("POST", "/api/v1/admission/cases/1/steps", "note", TextKind.NOTE, v -> step("note", v)),
                new TextField("POST", "/api/v1/admission/cases/1/steps", "vote.excluded[0].name", TextKind.NAME,
                        v -> step("vote", obj("registryVoters", 10, "excluded", List.of(obj("name", v, "ground",
                                "ABROAD")), "present", 8, "yes", 8, "no", 0, "abstain", 0, "writtenYes", 0,
                                "writtenNo", 0))),
                new TextField("POST", "/api/v1/admission/cases/1/close", "reason", TextKind.NOTE,
                        v -> with("reason", v, "closedOn", "2024-01-01")),
                new TextField("POST", "/api/v1/admission/cases/1/move", "reason", TextKind.NOTE,
                        v -> with("reason", v, "toOrgId", 2)),
                new TextField("POST", "/api/v1/admission/cases/1/publicity", "body", TextKind.LONG,
                        v -> with("body", v, "startsOn", "2030-01-02")),
                new TextField("POST", "/api/v1/calendar", "name", TextKind.NAME,
                        v -> with("name", v, "day", "2030-10-01", "kind", "HOLIDAY")),
                new TextField("POST", "/api/v1/auth/token", "username", TextKind.SHORT,
                        v -> with("username", v, "password", "x")),
                new TextField("GET", "/api/v1/members?q=", "q", TextKind.SHORT, null),
                new TextField("GET", "/api/v1/orgs?q=", "q", TextKind.NAME, null),
                new TextField("GET", "/api/v1/transfer-targets?q=", "q", TextKind.NAME, null),
                new TextField("GET", "/api/v1/publicity/by-subject?subjectId=1&subjectType=", "subjectType",
                        TextKind.SHORT, null),
                new TextField("GET", "/api/v1/admission/cases?orgId=1&name=", "name", TextKind.NAME, null),
                new TextField("GET", "/api/v1/audit?type=", "type", TextKind.SHORT, null));
    }

    static Stream<Arguments> refusedTexts() {
        List<Arguments> cases = new ArrayList<>();
        textFields().forEach(f -> {
            cases.add(Arguments.of(f, "NUL", "甲\u0000乙", "空字符"));
            cases.add(Arguments.of(f, "control character", "甲\u001b乙", "控制字符"));
            cases.add(Arguments.of(f, "direction override", "甲\u202e乙", "改变文字方向"));
            cases.add(Arguments.of(f, "one over the length", "长".repeat(f.kind().max() + 1), "不能超过" + f.kind().max()));
            if (!f.kind().multiLine()) {
                cases.add(Arguments.of(f, "line break", "甲\n乙", "不能换行"));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource
    void refusedTexts(TextField f, String what, String value, String reason) {
        ApiClient.Response r = f.body() == null
                ? admin.get(f.path() + URLEncoder.encode(value, StandardCharsets.UTF_8))
                : admin.send(f.method(), f.path(), JSON.writeValueAsString(f.body().apply(value)), Map.of());
        assertProblem(r, f.field(), reason);
    }

    /** A date field of an operation (a path or query parameter when {@code body} is null). */
    record DateField(String method, String path, String field, Function<String, Object> body) {
        @Override
        public String toString() {
            return method + " " + path.replaceAll("\\?.*", "") + " " + field;
        }
    }

    static Stream<DateField> dateFields() {
        return Stream.of(
                new DateField("POST", "/api/v1/members", "joinedOn", d -> member("joinedOn", d)),
                new DateField("POST", "/api/v1/members", "birthDate", d -> member("birthDate", d)),
                new DateField("POST", "/api/v1/orgs", "establishedOn", d -> org("establishedOn", d)),
                new DateField("POST", "/api/v1/orgs/1/dissolve", "dissolvedOn",
                        d -> with("dissolvedOn", d, "reason", "合并")),
                new DateField("POST", "/api/v1/orgs/1/committee/term", "termStart",
                        d -> with("termStart", d, "termEnd", "2027-01-01")),
                new DateField("POST", "/api/v1/orgs/1/committee/term", "termEnd",
                        d -> with("termEnd", d, "termStart", "2024-01-01")),
                new DateField("POST", "/api/v1/members/1/status-changes", "effectiveOn",
                        d -> with("effectiveOn", d, "kind", "SUSPEND", "reason", "失联")),
                new DateField("POST", "/api/v1/members/1/status-changes", "deadline",
                        d -> with("deadline", d, "kind", "SUSPEND", "reason", "失联", "effectiveOn", "2024-01-01")),
                new DateField("PUT", "/api/v1/members/1/lost-contact", "lastContactOn", d -> with("lastContactOn", d)),
                new DateField("POST", "/api/v1/members/1/outflow", "leftOn",
                        d -> with("leftOn", d, "destination", "深圳", "reason", "务工")),
                new DateField("POST", "/api/v1/outflows/1/contact", "on", d -> with("on", d)),
                new DateField("POST", "/api/v1/orgs/1/inflows", "arrivedOn",
                        d -> with("arrivedOn", d, "name", "赵六", "homeOrg", "某支部")),
                new DateField("POST", "/api/v1/publicity", "startsOn",
                        d -> with("startsOn", d, "orgId", 1, "title", "标题", "body", "内容", "workingDays", 5)),
                new DateField("POST", "/api/v1/admission/cases", "appliedOn",
                        d -> with("appliedOn", d, "orgId", 1, "name", "钱七", "idNumber", "110101198001010016")),
                new DateField("POST", "/api/v1/admission/cases/1/steps", "doneOn", d -> step("doneOn", d)),
                new DateField("POST", "/api/v1/admission/cases/1/close", "closedOn",
                        d -> with("closedOn", d, "reason", "撤回")),
                new DateField("POST", "/api/v1/admission/cases/1/publicity", "startsOn",
                        d -> with("startsOn", d, "body", "公示")),
                new DateField("POST", "/api/v1/calendar", "day", d -> with("day", d, "kind", "HOLIDAY", "name", "节")),
                new DateField("GET", "/api/v1/calendar/period?workingDays=5&startsOn=", "startsOn", null),
                new DateField("GET", "/api/v1/calendar/working-days?to=2024-01-01&from=", "from", null),
                new DateField("DELETE", "/api/v1/calendar/", "day", null));
    }

    static Stream<Arguments> absurdDates() {
        return dateFields().flatMap(f -> Stream.of("+999999999-12-31", "-999999999-01-01", "1899-12-31")
                .map(d -> Arguments.of(f, d)));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource
    void absurdDates(DateField f, String date) {
        ApiClient.Response r = f.body() != null
                ? admin.send(f.method(), f.path(), JSON.writeValueAsString(f.body().apply(date)), Map.of())
                : admin.send(f.method(), f.path() + URLEncoder.encode(date, StandardCharsets.UTF_8), null, Map.of());
        assertProblem(r, f.field(), date.startsWith("+") ? "晚于" : "早于");
    }

    /** A value of the wrong JSON type for the field. */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("a fraction for an id", "POST", "/api/v1/members", "{\"orgId\": 1.5, \"name\": \"张三\"}", "orgId", "整数"),
                Arguments.of("a fraction for an id", "POST", "/api/v1/orgs", "{\"parentId\": 1.5, \"name\": \"支部\", \"type\": \"BRANCH\"}", "parentId", "整数"),
                Arguments.of("a fraction for an id", "POST", "/api/v1/members/1/transfers", "{\"toOrgId\": 2.0, \"reason\": \"调动\"}", "toOrgId", "整数"),
                Arguments.of("a fraction for an id", "POST", "/api/v1/publicity", "{\"orgId\": 1.5, \"title\": \"标题\"}", "orgId", "整数"),
                Arguments.of("a fraction in a list of ids", "POST", "/api/v1/admission/cases/1/steps", "{\"step\": \"CONTACTS_ASSIGNED\", \"memberIds\": [1.5]}", "memberIds[0]", "整数"),
                Arguments.of("a fraction for a count", "POST", "/api/v1/publicity", "{\"orgId\": 1, \"workingDays\": 5.5}", "workingDays", "整数"),
                Arguments.of("a number for an enum", "POST", "/api/v1/orgs", "{\"parentId\": 1, \"name\": \"支部\", \"type\": 3}", "type", "BRANCH"),
                Arguments.of("a number for an enum", "POST", "/api/v1/members", "{\"orgId\": 1, \"gender\": 0}", "gender", "MALE"),
                Arguments.of("a number for an enum", "POST", "/api/v1/members/1/status-changes", "{\"kind\": 0}", "kind", "CONVERT"),
                Arguments.of("a number for an enum", "POST", "/api/v1/admission/cases/1/steps", "{\"step\": 1}", "step", "APPLICATION"),
                Arguments.of("a number for an enum", "POST", "/api/v1/member-exports", "{\"orgId\": 1, \"columns\": [0]}", "columns[0]", "NAME"),
                Arguments.of("a string for a number", "POST", "/api/v1/members", "{\"orgId\": \"1\"}", "orgId", "整数"),
                Arguments.of("a string for a number", "PUT", "/api/v1/orgs/1", "{\"version\": \"0\"}", "version", "整数"),
                Arguments.of("a string for a boolean", "POST", "/api/v1/publicity/1/comments", "{\"text\": \"意见\", \"anonymous\": \"true\"}", "anonymous", "true 或 false"),
                Arguments.of("a number for a text", "POST", "/api/v1/orgs", "{\"parentId\": 1, \"name\": 123}", "name", "文本"),
                Arguments.of("null for a number that must be there", "PUT", "/api/v1/members/1", "{\"version\": null, \"member\": {}}", "version", "整数"),
                Arguments.of("null in a list of ids", "POST", "/api/v1/admission/cases/1/steps", "{\"step\": \"CONTACTS_ASSIGNED\", \"memberIds\": [null]}", "memberIds[0]", "不能为空值"),
                Arguments.of("null in a list of months", "POST", "/api/v1/dues/payments", "{\"memberId\": 1, \"months\": [null], \"method\": \"CASH\"}", "months[0]", "不能为空值"),
                Arguments.of("an impossible date", "POST", "/api/v1/members", "{\"joinedOn\": \"2024-02-30\"}", "joinedOn", "日期"),
                Arguments.of("an unknown enum name", "POST", "/api/v1/members", "{\"status\": \"VIP\"}", "status", "FULL"));
    }

    @ParameterizedTest(name = "{0}: {1} {2} {4}")
    @MethodSource
    void wrongTypes(String what, String method, String path, String json, String field, String reason) {
        assertProblem(admin.send(method, path, json, Map.of()), field, reason);
    }

    @Test
    void text_is_stored_trimmed_with_line_feeds_and_unknown_properties_are_ignored() {
        Organization committee = data.committee("输入策略党委" + System.nanoTime() % 100_000);
        ApiClient.Response created = admin.post("/api/v1/orgs", obj("parentId", committee.id(),
                "name", "\u3000 输入策略测试支部 \t", "type", "BRANCH", "category", "GOVERNMENT", "futureField", 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(jdbc.sql("select name from organization where id = ?").param(id).query(String.class).single())
                .isEqualTo("输入策略测试支部");

        ApiClient.Response dissolved = admin.post("/api/v1/orgs/" + id + "/dissolve",
                obj("dissolvedOn", java.time.LocalDate.now().toString(), "reason", "  机构调整\r\n并入他支部  "));
        assertThat(dissolved.status()).as(dissolved.body()).isEqualTo(200);
        assertThat(jdbc.sql("select dissolved_reason from organization where id = ?").param(id).query(String.class)
                .single()).isEqualTo("机构调整\n并入他支部");
    }

    @Test
    void a_page_form_shows_the_policy_s_message_beside_the_field() {
        BrowserSession browser = BrowserSession.loggedIn(port, DemoAccounts.ADMIN, DemoAccounts.PASSWORD);
        BrowserSession.Page form = browser.post("/orgs", Map.of("parentId", "1", "name", "坏\u0000名字",
                "type", "BRANCH", "category", "GOVERNMENT", "sortOrder", "0"));
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("组织名称不能含有空字符（NUL）");

        BrowserSession.Page dissolve = browser.post("/orgs/1/dissolve", Map.of("dissolvedOn", "2024-01-01",
                "reason", "甲\u202e乙"));
        assertThat(dissolve.status()).as(dissolve.body()).isEqualTo(400);
        assertThat(dissolve.body()).contains("撤销原因不能含有改变文字方向的控制符");

        BrowserSession.Page dated = browser.post("/orgs/1/committee/term", Map.of("termStart", "2024-01-01",
                "termEnd", "+999999999-12-31"));
        assertThat(dated.status()).as(dated.body()).isEqualTo(400);
        assertThat(dated.body()).contains("任期届满日期不能晚于2100年12月31日");

        BrowserSession.Page search = browser.get("/members?text=" + URLEncoder.encode("x\u0000", StandardCharsets.UTF_8));
        assertThat(search.status()).as(search.body()).isEqualTo(400);
        assertThat(search.body()).contains("查询内容不能含有空字符");
    }

    @Test
    void a_committee_term_is_at_most_the_regulation_s_length_and_a_year() {
        Organization committee = data.committee("任期党委" + System.nanoTime() % 100_000);
        Organization branch = data.org(committee.id(), "任期支部", OrganizationType.BRANCH);
        ApiClient.Response tooLong = admin.post("/api/v1/orgs/" + branch.id() + "/committee/term",
                obj("termStart", "2024-01-01", "termEnd", "2028-01-02"));
        assertProblem(tooLong, "termEnd", "任期不能超过4年");
        ApiClient.Response delayed = admin.post("/api/v1/orgs/" + branch.id() + "/committee/term",
                obj("termStart", "2024-01-01", "termEnd", "2028-01-01"));
        assertThat(delayed.status()).as(delayed.body()).isEqualTo(200);
    }

    @Test
    void events_are_not_before_the_organization_s_founding_or_the_member_s_joining() {
        Organization committee = data.committee("成立日期党委" + System.nanoTime() % 100_000);
        ApiClient.Response created = admin.post("/api/v1/orgs", obj("parentId", committee.id(), "name", "成立日期支部",
                "type", "BRANCH", "category", "GOVERNMENT", "establishedOn", "2010-07-01"));
        long branch = created.json().get("id").asLong();
        assertProblem(admin.post("/api/v1/orgs/" + branch + "/committee/term",
                obj("termStart", "2009-01-01", "termEnd", "2011-01-01")), "termStart", "不能早于组织成立日期（2010-07-01）");
        var m = data.member(branch, "外出日期党员", cn.zhibu.member.MemberStatus.FULL);
        assertProblem(admin.post("/api/v1/members/" + m.id() + "/outflow", obj("destination", "深圳", "reason", "务工",
                "leftOn", m.joinedOn().minusDays(1).toString())), "leftOn", "不能早于入党日期");
        assertThat(admin.delete("/api/v1/members/" + m.id()).status()).isEqualTo(204);
        assertProblem(admin.post("/api/v1/orgs/" + branch + "/dissolve", obj("dissolvedOn", "2010-06-30",
                "reason", "合并")), "dissolvedOn", "不能早于成立日期（2010-07-01）");
    }

    static void assertProblem(ApiClient.Response r, String field, String reason) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo("请求内容有误");
        assertThat(r.errors()).as(r.body()).containsKey(field);
        assertThat(r.errors().get(field)).contains(reason);
        assertThat(r.json().get("detail").asString()).contains(r.errors().get(field));
    }
}
