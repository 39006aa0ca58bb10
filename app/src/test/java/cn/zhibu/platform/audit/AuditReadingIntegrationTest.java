package cn.zhibu.platform.audit;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditFilter;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log read in Chinese: labels of every module's actions, fields and codes, links only within the caller's
 * scope, the filters at their edges, the export and its bound, and the scope of an 组织管理员.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReadingIntegrationTest {

    private static final String PASSWORD = "Audit@Test2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired OrganizationService organizations;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired AuditLog audit;
    @Autowired AuditVocabularies vocabularies;
    @Autowired AuditReading reading;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    String suffix;
    Organization committeeA;
    Organization branchA;
    Organization committeeB;
    Organization branchB;
    DataScope clerkA;
    Member edited;
    Member movedAway;
    long adminAId;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committeeA = data.committee("审计阅读甲党委" + suffix);
        branchA = data.org(committeeA.id(), "审计阅读甲支部", OrganizationType.BRANCH);
        committeeB = data.committee("审计阅读乙党委" + suffix);
        branchB = data.org(committeeB.id(), "审计阅读乙支部", OrganizationType.BRANCH);
        // a person of committee A's own, so the person filter has someone to find
        clerkA = new DataScope(880_000 + Long.parseLong(suffix) % 1000, "审计员甲" + suffix, false,
                List.of(committeeA.path()), List.of(committeeA.path()), null, null, true);
        edited = members.create(clerkA, TestData.form(branchA.id(), "审计阅读党员", true, LocalDate.of(1980, 1, 2),
                MemberStatus.FULL));
        Member e = edited;
        members.update(clerkA, e.id(), e.version(), new MemberForm(e.orgId(), e.name(), e.gender(), e.ethnicity(),
                e.birthDate(), e.idNumber(), e.phone(), Education.POSTGRADUATE, e.occupation(), e.status(),
                e.joinedOn(), e.convertedOn(), e.jobTitle(), e.workUnit()));
        organizations.startTerm(clerkA, branchA.id(), LocalDate.now().minusYears(1), LocalDate.now().plusYears(2));
        organizations.addSeat(clerkA, branchA.id(), CommitteePosition.SECRETARY, e.id(), null);
        // a member entered in A whose branch then moves under committee B: A's entry stays, the record is B's now
        Organization leaving = data.org(committeeA.id(), "审计阅读迁出支部", OrganizationType.BRANCH);
        movedAway = data.member(leaving.id(), "审计迁出党员", MemberStatus.FULL);
        organizations.move(SYSTEM, leaving.id(), committeeB.id());
        Member inB = data.member(branchB.id(), "乙方审计党员", MemberStatus.FULL);
        membership.change(SYSTEM, inB.id(), new StatusChange(StatusChangeKind.DECEASE, LocalDate.now(), "病故", null, null));
        adminAId = accounts.create("auditA" + suffix, PASSWORD, "甲党委管理员" + suffix, null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committeeA.id())));
        accounts.create("auditS" + suffix, PASSWORD, "甲支部书记" + suffix, null,
                List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    private static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private List<AuditEntryView> entriesOf(DataScope scope, AuditFilter filter) {
        return vocabularies.describe(scope, audit.search(scope, filter, 0, 100));
    }

    private static Map<String, AuditEntryView.FieldChange> byField(AuditEntryView e) {
        Map<String, AuditEntryView.FieldChange> m = new java.util.LinkedHashMap<>();
        e.changes().forEach(c -> m.put(c.field(), c));
        return m;
    }

    // --- labels ---------------------------------------------------------------------------------------------

    @Test
    void every_declared_action_has_a_chinese_label_of_its_own() {
        assertThat(vocabularies.actions()).hasSizeGreaterThan(40).allSatisfy((code, label) -> {
            assertThat(label).as(code).isNotBlank().isNotEqualTo(code).matches(".*\\p{IsHan}.*");
        });
        // the 25 steps of D1 are each an action, step 1 being the application
        assertThat(vocabularies.actionLabel("发展党员.支部大会讨论")).isEqualTo("记录第15步 支部大会讨论");
        assertThat(vocabularies.actionLabel("发展党员.递交入党申请书")).contains("第1步");
        for (cn.zhibu.admission.AdmissionStep step : cn.zhibu.admission.AdmissionStep.values()) {
            assertThat(vocabularies.declares("发展党员." + step.label())).as(step.title()).isTrue();
        }
    }

    /**
     * Every action constant of every module (enums implementing AuditAction, found on the class path) is declared by a
     * vocabulary: record() takes only such constants, so nothing can be written that the page cannot name.
     */
    @Test
    void every_action_constant_of_every_module_is_declared_with_its_label() throws Exception {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return true;
            }
        };
        scanner.addIncludeFilter(new org.springframework.core.type.filter.AssignableTypeFilter(cn.zhibu.platform.AuditAction.class));
        List<Class<?>> enums = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("cn.zhibu")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                enums.add(type);
            }
        }
        assertThat(enums).extracting(Class::getSimpleName).contains("MemberAuditAction", "OrganizationAuditAction",
                "AdmissionAuditAction", "PublishingAuditAction", "PlatformAuditAction");
        for (Class<?> type : enums) {
            for (Object constant : type.getEnumConstants()) {
                var action = (cn.zhibu.platform.AuditAction) constant;
                assertThat(vocabularies.declares(action.code())).as(type.getSimpleName() + "." + constant).isTrue();
                assertThat(vocabularies.actionLabel(action.code())).isEqualTo(action.label());
            }
        }
    }

    /** What the demo data and every flow run so far in this application wrote: each action is named. */
    @Test
    void every_action_in_the_log_has_a_chinese_label() {
        List<String> written = jdbc.sql("select distinct action from audit_log").query(String.class).list();
        assertThat(written).contains("党员.录入", "党员.修改", "组织.设立", "班子.任职", "发展党员.推荐和确定入党积极分子");
        assertThat(written).allSatisfy(code -> assertThat(vocabularies.declares(code)).as(code).isTrue());
    }

    @Test
    void an_admission_step_reads_stage_APPLICANT_as_入党申请人() {
        AuditLog.Entry entry = audit.search(SYSTEM, new AuditFilter("admission_case", "发展党员.推荐和确定入党积极分子",
                null, null, null, null), 0, 1).get(0);
        AuditEntryView view = vocabularies.describe(SYSTEM, List.of(entry)).get(0);
        assertThat(view.actionLabel()).isEqualTo("记录第3步 推荐和确定入党积极分子");
        assertThat(view.entityLabel()).isEqualTo("发展党员");
        assertThat(view.recordName()).isNotBlank();
        assertThat(view.link()).isEqualTo("/admission/cases/" + entry.entityId());
        var fields = byField(view);
        assertThat(fields.get("stage").label()).isEqualTo("阶段");
        assertThat(fields.get("stage").before()).isEqualTo("入党申请人");
        assertThat(fields.get("stage").after()).isEqualTo("入党积极分子");
        assertThat(fields.get("step").after()).isEqualTo("第3步 推荐和确定入党积极分子");
        assertThat(fields.get("ruleSet").after()).contains("发展党员工作细则");
        assertThat(fields).doesNotContainKey("name"); // unchanged: counted, not listed
        assertThat(view.unchanged()).isGreaterThan(0);
    }

    @Test
    void a_member_update_lists_only_what_changed_in_chinese() {
        AuditEntryView view = entriesOf(clerkA, new AuditFilter("member", "党员.修改", null, null, null, null)).stream()
                .filter(v -> v.entityId().equals(Long.toString(edited.id()))).findFirst().orElseThrow();
        assertThat(view.actionLabel()).isEqualTo("修改党员信息");
        assertThat(view.actorName()).isEqualTo(clerkA.actorName());
        assertThat(view.recordName()).isEqualTo("审计阅读党员");
        assertThat(view.link()).isEqualTo("/members/" + edited.id());
        assertThat(view.changes()).singleElement().satisfies(c -> {
            assertThat(c.label()).isEqualTo("学历");
            assertThat(c.before()).isEqualTo("大学本科");
            assertThat(c.after()).isEqualTo("研究生");
        });
    }

    @Test
    void a_creation_shows_every_field_with_coded_values_and_organizations_named() {
        AuditEntryView view = entriesOf(clerkA, new AuditFilter("member", "党员.录入", null, null, null, null)).stream()
                .filter(v -> v.entityId().equals(Long.toString(edited.id()))).findFirst().orElseThrow();
        var fields = byField(view);
        assertThat(view.changeKind()).isEqualTo("新增");
        assertThat(fields.get("gender").after()).isEqualTo("男");
        assertThat(fields.get("status").after()).isEqualTo("正式党员");
        assertThat(fields.get("orgId").label()).isEqualTo("所在党组织");
        assertThat(fields.get("orgId").after()).isEqualTo("审计阅读甲支部");
        assertThat(fields.get("idNumber").after()).contains("*");
        assertThat(view.changes()).allSatisfy(c -> assertThat(c.label()).matches(".*\\p{IsHan}.*"));
    }

    @Test
    void committee_seats_read_as_position_and_name() {
        AuditEntryView view = entriesOf(clerkA, new AuditFilter("committee", "班子.任职", null, null, null, null)).get(0);
        assertThat(view.actionLabel()).isEqualTo("班子成员任职");
        assertThat(view.link()).isEqualTo("/orgs/" + branchA.id());
        assertThat(byField(view).get("seats").after()).isEqualTo("书记 审计阅读党员");
        assertThat(view.changes()).extracting(AuditEntryView.FieldChange::field).doesNotContain("termId", "orgId");
    }

    @Test
    void a_status_change_names_the_kind_and_the_archive_status() {
        AuditEntryView view = entriesOf(SYSTEM, new AuditFilter("member", "党员.状态变更", null, null, null, null)).get(0);
        var fields = byField(view);
        assertThat(fields.get("kind").after()).isEqualTo("死亡");
        assertThat(fields.get("status").before()).isEqualTo("正式党员");
        assertThat(fields.get("status").after()).isEqualTo("已去世");
        // the member left the registry for the archive: the link follows it there
        assertThat(view.link()).startsWith("/members/archived/");
    }

    @Test
    void unknown_kinds_keys_and_broken_json_are_shown_as_they_are() {
        AuditLog.Entry odd = new AuditLog.Entry(1, 1, Instant.now(), 5, "某人", "旧模块.未知操作", "old_thing", "x'; drop",
                committeeA.path().value(), "{\"mystery\":\"A\",\"nested\":{\"k\":[1,true,null]}}", "not json at all", "h");
        AuditEntryView view = vocabularies.describe(SYSTEM, List.of(odd)).get(0);
        assertThat(view.actionLabel()).isEqualTo("旧模块.未知操作");
        assertThat(view.entityLabel()).isEqualTo("old_thing");
        assertThat(view.link()).isNull();
        assertThat(view.changes()).extracting(AuditEntryView.FieldChange::label).containsExactly("内容", "mystery", "nested");
        assertThat(byField(view).get("nested").before()).isEqualTo("k：1、是");
        // a member entry with a key no vocabulary names, and an id that is not a number
        AuditLog.Entry unknownKey = new AuditLog.Entry(1, 2, Instant.now(), 5, "某人", "党员.修改", "member", "abc",
                committeeA.path().value(), "{\"gender\":\"MALE\",\"futureField\":1}", "{\"gender\":\"ALIEN\",\"futureField\":2}", "h");
        AuditEntryView v2 = vocabularies.describe(SYSTEM, List.of(unknownKey)).get(0);
        assertThat(byField(v2).get("gender").before()).isEqualTo("男");
        assertThat(byField(v2).get("gender").after()).isEqualTo("ALIEN");
        assertThat(byField(v2).get("futureField").label()).isEqualTo("futureField");
        assertThat(v2.link()).isNull();
        // an entry about no single record (an export), beside one about a record: no link, no failure
        AuditLog.Entry noRecord = new AuditLog.Entry(1, 3, Instant.now(), 5, "某人", "审计日志.导出", "audit_export", null,
                null, null, "{\"rows\":3}", "h");
        assertThat(vocabularies.describe(SYSTEM, List.of(noRecord, unknownKey))).first()
                .satisfies(v -> assertThat(v.link()).isNull())
                .satisfies(v -> assertThat(byField(v).get("rows").label()).isEqualTo("导出条数"));
        AuditLog.Entry noType = new AuditLog.Entry(1, 4, Instant.now(), 5, "某人", null, null, null, null, null, null, "h");
        assertThat(vocabularies.describe(SYSTEM, List.of(noType)).get(0).changes()).isEmpty();
    }

    // --- links and scope -----------------------------------------------------------------------------------

    @Test
    void a_record_that_left_the_callers_scope_is_named_but_not_linked() {
        DataScope adminA = new DataScope(adminAId, "甲党委管理员", false, List.of(committeeA.path()),
                List.of(committeeA.path()), null, null, true);
        AuditEntryView entry = entriesOf(adminA, new AuditFilter("member", "党员.录入", null, null, null, null)).stream()
                .filter(v -> v.entityId().equals(Long.toString(movedAway.id()))).findFirst().orElseThrow();
        assertThat(entry.recordName()).isEqualTo("审计迁出党员");
        assertThat(entry.link()).isNull();
        // committee B's administrator may open it
        DataScope adminB = new DataScope(1, "乙", false, List.of(committeeB.path()), List.of(committeeB.path()), null,
                null, true);
        assertThat(vocabularies.describe(adminB, List.of(audit.search(SYSTEM, new AuditFilter("member", "党员.录入",
                null, null, null, null), 0, 100).stream().filter(e -> e.entityId().equals(Long.toString(movedAway.id())))
                .findFirst().orElseThrow())).get(0).link()).isEqualTo("/members/" + movedAway.id());
    }

    @Test
    void an_org_admin_sees_and_exports_only_entries_of_their_subtree() throws IOException {
        ApiClient adminA = api("auditA");
        ApiClient.Response first = adminA.get("/api/v1/audit");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode page = first.json();
        assertThat(page.get("total").asLong()).isPositive();
        page.get("items").forEach(e -> {
            assertThat(e.get("orgPath").asString()).startsWith(committeeA.path().value());
            if (e.hasNonNull("link")) {
                assertThat(e.get("link").asString()).doesNotContain("/members/" + movedAway.id());
            }
        });
        assertThat(page.toString()).doesNotContain("乙方审计党员");

        ApiClient.Download file = adminA.download("/api/v1/audit/export");
        assertThat(file.status()).isEqualTo(200);
        List<List<String>> rows = rows(file.body());
        assertThat(rows.get(0)).startsWith("时间", "操作人", "操作", "对象类型", "对象");
        assertThat(rows).hasSize((int) page.get("total").asLong() + 1);
        assertThat(rows.stream().flatMap(List::stream)).noneMatch(c -> c.contains("乙方审计党员") || c.contains("审计阅读乙支部"));
        assertThat(rows.stream().map(r -> r.get(2))).contains("修改党员信息", "班子成员任职");
        assertThat(rows.stream().map(r -> r.get(6))).anyMatch(c -> c.equals("学历：大学本科 → 研究生"));

        // the export is itself audited, in the exporter's scope
        JsonNode exports = adminA.get("/api/v1/audit?action=" + q("审计日志.导出")).json();
        assertThat(exports.get("items").get(0).get("actorName").asString()).isEqualTo("甲党委管理员" + suffix);
        assertThat(exports.get("items").get(0).get("actionLabel").asString()).isEqualTo("导出审计日志");

        // committee B's entries are not reachable by any filter either
        assertThat(adminA.get("/api/v1/audit?type=member&actor=" + q("测试")).json().toString())
                .doesNotContain("乙方审计党员");
    }

    @Test
    void a_secretary_sees_no_audit_log_page_api_or_export() {
        ApiClient secretary = api("auditS");
        assertThat(secretary.get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(secretary.get("/api/v1/audit/labels").status()).isEqualTo(403);
        assertThat(secretary.download("/api/v1/audit/export").status()).isEqualTo(403);
        BrowserSession page = BrowserSession.loggedIn(port, "auditS" + suffix, PASSWORD);
        assertThat(page.get("/audit").status()).isEqualTo(403);
        assertThat(page.post("/audit/export", Map.of()).status()).isEqualTo(403);
    }

    // --- filters ---------------------------------------------------------------------------------------------

    @Test
    void filters_by_person_by_kind_and_by_action() {
        AuditFilter byName = new AuditFilter(null, null, null, "审计员甲" + suffix, null, null);
        List<AuditLog.Entry> mine = audit.search(SYSTEM, byName, 0, 100);
        assertThat(mine).hasSize(4).allSatisfy(e -> assertThat(e.actorName()).isEqualTo(clerkA.actorName()));
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, null, "审计员甲", null, null))).isGreaterThanOrEqualTo(4);
        assertThat(audit.search(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, null, null), 0, 100))
                .hasSize(4);
        assertThat(audit.search(SYSTEM, new AuditFilter("committee", null, clerkA.actorId(), null, null, null), 0, 100))
                .extracting(AuditLog.Entry::action).containsExactlyInAnyOrder("班子.换届", "班子.任职");
        assertThat(audit.search(SYSTEM, new AuditFilter(null, "党员.修改", clerkA.actorId(), null, null, null), 0, 100))
                .hasSize(1);
        // LIKE's wildcards in a name are the characters themselves
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, null, "%", null, null))).isZero();
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, null, "_", null, null))).isZero();
    }

    @Test
    void dates_are_whole_days_inclusive_at_both_ends() {
        LocalDate today = LocalDate.now();
        long all = audit.count(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, null, null));
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, today, today))).isEqualTo(all);
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, today.plusDays(1), null))).isZero();
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, null, today.minusDays(1)))).isZero();
        assertThat(audit.count(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, today.minusDays(1), today))).isEqualTo(all);
    }

    @Test
    void absurd_dates_are_field_errors_on_the_api_and_the_page() {
        ApiClient adminA = api("auditA");
        Map<String, String> cases = Map.of(
                "/api/v1/audit?from=1899-12-31", "from",
                "/api/v1/audit?to=2101-01-01", "to",
                "/api/v1/audit?from=2026-02-30", "from",
                "/api/v1/audit?to=%2B275760-01-01", "to",
                "/api/v1/audit?from=2026-05-02&to=2026-05-01", "to",
                "/api/v1/audit?actorId=abc", "actorId",
                "/api/v1/audit?page=-1", "page");
        cases.forEach((url, field) -> {
            ApiClient.Response r = adminA.get(url);
            assertThat(r.status()).as(url).isEqualTo(400);
            assertThat(r.errors()).as(url).containsKey(field);
            assertThat(r.errors().get(field)).as(url).matches(".*\\p{IsHan}.*");
        });
        assertThat(adminA.get("/api/v1/audit?from=2026-05-01&to=2026-05-01").status()).isEqualTo(200);
        assertThat(adminA.download("/api/v1/audit/export?to=1000-01-01").status()).isEqualTo(400);

        BrowserSession page = BrowserSession.loggedIn(port, "auditA" + suffix, PASSWORD);
        BrowserSession.Page refused = page.get("/audit?from=2026-05-02&to=2026-05-01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("结束日期（2026-05-01）不能早于开始日期（2026-05-02）")
                .contains("id=\"f-to\"").contains("is-invalid");
    }

    // --- export bound, page ----------------------------------------------------------------------------------

    /** The test profile caps an export at 1,000 entries (below the demo data's): more is refused, never truncated. */
    @Test
    void an_export_past_the_cap_is_refused_with_a_request_to_narrow_it() {
        long everything = audit.count(SYSTEM, AuditFilter.none());
        assertThat(everything).isGreaterThan(reading.maxExport());
        assertThatThrownBy(() -> reading.export(SYSTEM, AuditFilter.none()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("超过单次导出上限 " + reading.maxExport() + " 条").hasMessageContaining("缩小日期范围");
        ApiClient admin = ApiClient.loggedIn(port, cn.zhibu.demo.DemoAccounts.ADMIN, cn.zhibu.demo.DemoAccounts.PASSWORD);
        ApiClient.Download refused = admin.download("/api/v1/audit/export");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("超过单次导出上限");
        assertThat(admin.download("/api/v1/audit/export?actorId=" + clerkA.actorId()).status()).isEqualTo(200);
    }

    @Test
    void the_page_reads_in_chinese_with_filters_links_and_cards() {
        BrowserSession session = BrowserSession.loggedIn(port, "auditA" + suffix, PASSWORD);
        BrowserSession.Page page = session.get("/audit?actorId=" + clerkA.actorId());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("修改党员信息", "学历", "大学本科", "研究生", "班子成员任职", "书记 审计阅读党员")
                .contains("href=\"/members/" + edited.id() + "\"")
                .contains("zb-cards", "data-label=\"修改内容\"", "zb-card-title")
                .doesNotContain("\"education\":");
        assertThat(page.body()).contains("<option value=\"党员.修改\">修改党员信息</option>");
        BrowserSession.Page export = session.post("/audit/export", Map.of("actorId", Long.toString(clerkA.actorId())));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-type").get(0)).contains("spreadsheetml");
    }

    @Test
    void the_api_gives_labels_beside_codes() {
        ApiClient adminA = api("auditA");
        JsonNode labels = adminA.get("/api/v1/audit/labels").json();
        assertThat(labels.get("actions").get("党员.修改").asString()).isEqualTo("修改党员信息");
        assertThat(labels.get("subjects").get("member").asString()).isEqualTo("党员");
        JsonNode item = adminA.get("/api/v1/audit?action=" + q("党员.修改") + "&actorId=" + clerkA.actorId()).json()
                .get("items").get(0);
        assertThat(item.get("action").asString()).isEqualTo("党员.修改");
        assertThat(item.get("actionLabel").asString()).isEqualTo("修改党员信息");
        assertThat(item.get("entityType").asString()).isEqualTo("member");
        assertThat(item.get("entityLabel").asString()).isEqualTo("党员");
        assertThat(item.get("changes").get(0).get("field").asString()).isEqualTo("education");
        assertThat(item.get("changes").get(0).get("label").asString()).isEqualTo("学历");
        assertThat(item.get("changes").get(0).get("after").asString()).isEqualTo("研究生");
        assertThat(item.get("afterJson").asString()).contains("POSTGRADUATE");
    }

    @Test
    void reading_and_exporting_leave_the_chain_intact() {
        reading.export(SYSTEM, new AuditFilter(null, null, clerkA.actorId(), null, null, null));
        assertThat(audit.verify().intact()).isTrue();
    }

    private static List<List<String>> rows(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            return rows.map(r -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    cells.add(r.getCellAsString(i).orElse(""));
                }
                return cells;
            }).toList();
        }
    }
}
