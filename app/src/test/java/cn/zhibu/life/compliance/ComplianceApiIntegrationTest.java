package cn.zhibu.life.compliance;

import cn.zhibu.identity.DataScopes;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.ComplianceAudit;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.LifeMeetingFixture;
import cn.zhibu.support.TestData;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static cn.zhibu.life.MeetingKind.GENERAL_ASSEMBLY;
import static cn.zhibu.life.MeetingKind.THEME_DAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance API and pages as a branch secretary and the committee above see them: the year, the heat map, the
 * behind list (in the tree's order, with a note that nothing is ranked) and its export, exemptions granted from above
 * only, the checks on what is asked, and the inbox's reminders.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceApiIntegrationTest {

    private static final String PASSWORD = "Compliance@Api2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DataScopes scopes;
    @Autowired LifeMeetingFixture meetings;
    @Autowired ComplianceAudit audit;
    @Autowired ComplianceInboxItems inbox;
    @LocalServerPort int port;

    String suffix;
    Organization committee;
    Organization branchA;
    Organization branchB;
    long secretaryA;
    long adminC;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("考核接口党委" + suffix);
        branchA = data.org(committee.id(), "考核接口甲支部" + suffix, OrganizationType.BRANCH);
        branchB = data.org(committee.id(), "考核接口乙支部" + suffix, OrganizationType.BRANCH);
        secretaryA = accounts.create("csecA" + suffix, PASSWORD, "甲支部书记", null,
                List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        adminC = accounts.create("cadmC" + suffix, PASSWORD, "党委组织委员", null,
                List.of(new RoleGrant(Role.ORG_ADMIN, committee.id())));
        for (int m = 1; m <= 12; m++) {
            meetings.held(branchA, LocalDate.of(2025, m, 8), 10, 9, THEME_DAY);
        }
        meetings.held(branchA, LocalDate.of(2025, 3, 31), 10, 8, GENERAL_ASSEMBLY);
        meetings.held(branchB, LocalDate.of(2025, 3, 3), 12, 6, THEME_DAY);
    }

    private ApiClient api(String user) {
        return ApiClient.loggedIn(port, user + suffix, PASSWORD);
    }

    @Test
    void the_secretary_reads_the_branch_s_year() {
        ApiClient.Response r = api("csecA").get("/api/v1/life/compliance?org=" + branchA.id() + "&year=2025");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode y = r.json();
        assertThat(y.get("orgName").asString()).isEqualTo(branchA.name());
        JsonNode themeDays = y.get("monthly").get(0);
        assertThat(themeDays.get("requirement").asString()).isEqualTo("THEME_DAY");
        assertThat(themeDays.get("cells").findValuesAsString("status")).containsOnly("MET");
        assertThat(themeDays.get("cells").get(0).get("attendancePercent").asInt()).isEqualTo(90);
        JsonNode assemblies = y.get("quarterly").get(0);
        assertThat(assemblies.get("cells").findValuesAsString("status")).containsExactly("MET", "MISSED", "MISSED", "MISSED");
        assertThat(y.get("mayExempt").asBoolean()).isFalse();
        assertThat(y.get("notes").toString()).contains("20日成立的党支部");
    }

    @Test
    void the_committee_reads_its_heat_map_and_the_organizations_behind_in_the_tree_s_order() {
        ApiClient admin = api("cadmC");
        JsonNode map = admin.get("/api/v1/life/compliance/heatmap?org=" + committee.id() + "&year=2025&kind=THEME_DAY").json();
        assertThat(map.get("rows").findValuesAsString("name")).containsExactly(branchA.name(), branchB.name());
        JsonNode march = map.get("total").get("cells").get(2);
        assertThat(march.get("due").asInt()).isEqualTo(2);
        assertThat(march.get("met").asInt()).isEqualTo(2);
        assertThat(march.get("text").asString()).isEqualTo("100%（2/2）");
        assertThat(map.get("total").get("cells").get(3).get("text").asString()).isEqualTo("50%（1/2）");

        JsonNode behind = admin.get("/api/v1/life/compliance/behind?org=" + committee.id() + "&month=2025-06").json();
        assertThat(behind.get("total").asInt()).isEqualTo(2);
        assertThat(behind.get("items").findValuesAsString("name")).containsExactly(branchA.name(), branchB.name());
        assertThat(behind.get("items").get(0).get("missing").toString()).contains("支部党员大会").doesNotContain("主题党日");
        assertThat(behind.get("items").get(1).get("missing").toString()).contains("主题党日", "支部党员大会");
        JsonNode assemblies = admin.get("/api/v1/life/compliance/behind?org=" + committee.id()
                + "&month=2025-03&kind=GENERAL_ASSEMBLY&size=1").json();
        assertThat(assemblies.get("total").asInt()).isEqualTo(1);
        assertThat(assemblies.get("items").findValuesAsString("name")).containsExactly(branchB.name());
        JsonNode february = admin.get("/api/v1/life/compliance/behind?org=" + committee.id()
                + "&month=2025-02&kind=GENERAL_ASSEMBLY").json();
        assertThat(february.get("total").asInt()).isZero();
        assertThat(february.get("note").asString()).contains("3、6、9、12月");
    }

    @Test
    void the_behind_list_exports_to_excel_and_the_export_is_audited() throws IOException {
        ApiClient.Download file = api("cadmC").download("/api/v1/life/compliance/behind/export?org=" + committee.id()
                + "&month=2025-06");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.contentType()).contains("spreadsheetml");
        String sheet = sheetXml(file.body());
        assertThat(sheet).contains(branchA.name(), branchB.name(), "不作排名");
        assertThat(sheet.indexOf(branchA.name())).isLessThan(sheet.indexOf(branchB.name()));
        assertThat(api("cadmC").get("/api/v1/audit?action=" + java.net.URLEncoder.encode("组织生活.导出未达要求名单",
                StandardCharsets.UTF_8)).body()).contains("导出未按要求开展组织生活的组织名单");
    }

    /** The cells of the workbook's first sheet, row by row, joined by tabs and line breaks. */
    private static String sheetXml(byte[] xlsx) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder text = new StringBuilder();
            for (Row row : workbook.getFirstSheet().read()) {
                row.stream().forEach(c -> text.append(c == null ? "" : c.getRawValue()).append('\t'));
                text.append('\n');
            }
            return text.toString();
        }
    }

    @Test
    void only_the_committee_above_exempts_and_revokes_a_branch_s_requirements() {
        Map<String, Object> ask = Map.of("orgId", branchB.id(), "period", "2025-Q2", "kind", "THEME_DAY",
                "reason", "全体党员参加集中培训");
        ApiClient.Response own = api("csecA").post("/api/v1/life/compliance/exemptions",
                Map.of("orgId", branchA.id(), "period", "2025-Q2", "reason", "自己豁免自己"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.body()).contains("上级党组织");

        ApiClient.Response granted = api("cadmC").post("/api/v1/life/compliance/exemptions", ask);
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        long id = granted.json().get("id").asLong();
        assertThat(granted.json().get("periodLabel").asString()).isEqualTo("2025年第二季度");
        assertThat(api("cadmC").post("/api/v1/life/compliance/exemptions", ask).errors()).containsKey("period");
        JsonNode may = api("cadmC").get("/api/v1/life/compliance?org=" + branchB.id() + "&year=2025").json();
        assertThat(may.get("monthly").get(0).get("cells").get(4).get("status").asString()).isEqualTo("EXEMPT");
        assertThat(may.get("mayExempt").asBoolean()).isTrue();
        assertThat(api("cadmC").get("/api/v1/life/compliance/exemptions?org=" + committee.id() + "&year=2025").json()
                .findValuesAsString("reason")).contains("全体党员参加集中培训");
        assertThat(audit.mismatchesIn(committee.path())).isEmpty();

        assertThat(api("cadmC").delete("/api/v1/life/compliance/exemptions/" + id).status()).isEqualTo(204);
        assertThat(api("cadmC").get("/api/v1/life/compliance?org=" + branchB.id() + "&year=2025").json()
                .get("monthly").get(0).get("cells").get(4).get("status").asString()).isEqualTo("MISSED");
        assertThat(audit.mismatchesIn(committee.path())).isEmpty();
    }

    @Test
    void what_is_asked_is_checked_and_each_wrong_field_named() {
        ApiClient admin = api("cadmC");
        assertThat(admin.post("/api/v1/life/compliance/exemptions", Map.of("orgId", branchB.id(), "period", "2025-13",
                "reason", "原因")).errors()).containsKey("period");
        assertThat(admin.post("/api/v1/life/compliance/exemptions", Map.of("orgId", branchB.id(), "period", "2025"))
                .errors()).containsKey("reason");
        assertThat(admin.post("/api/v1/life/compliance/exemptions", Map.of("orgId", branchB.id(), "period", "2025",
                "kind", "HEART_TALK", "reason", "原因")).errors().get("kind")).contains("谈心谈话");
        assertThat(admin.post("/api/v1/life/compliance/exemptions", Map.of("period", "2025", "reason", "原因"))
                .errors()).containsKey("orgId");
        assertThat(admin.get("/api/v1/life/compliance?org=" + branchA.id() + "&year=1999").errors()).containsKey("year");
        assertThat(admin.get("/api/v1/life/compliance/heatmap?org=" + committee.id() + "&kind=DANCE").errors())
                .containsKey("kind");
        assertThat(admin.get("/api/v1/life/compliance/behind?org=" + committee.id() + "&month=2025-Q1").errors())
                .containsKey("month");
        assertThat(admin.get("/api/v1/life/compliance/behind?org=" + committee.id() + "&size=1000").errors())
                .containsKey("size");
    }

    @Test
    void the_pages_show_the_year_the_heat_map_and_the_list_with_no_ranking() {
        BrowserSession secretary = BrowserSession.loggedIn(port, "csecA" + suffix, PASSWORD);
        BrowserSession.Page year = secretary.get("/life/compliance?year=2025");
        assertThat(year.status()).isEqualTo(200);
        assertThat(year.body()).contains(branchA.name() + " 2025年组织生活", "主题党日", "已开展", "参会率90%",
                "豁免由上级党组织决定");
        assertThat(secretary.get("/life/compliance/summary?org=" + branchA.id()).body())
                .contains("组织生活考核", "查看全年开展情况");
        BrowserSession admin = BrowserSession.loggedIn(port, "cadmC" + suffix, PASSWORD);
        assertThat(admin.get("/life/compliance/summary?org=" + committee.id()).body()).contains("本月到期的要求");
        BrowserSession.Page map = admin.get("/life/compliance?org=" + committee.id() + "&year=2025");
        assertThat(map.status()).isEqualTo(200);
        assertThat(map.body()).contains("id=\"heatmap\"", branchA.name(), "不作排名", "以数据表查看", "zb-cards");
        BrowserSession.Page list = admin.get("/life/compliance/behind?org=" + committee.id() + "&month=2025-06");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("按组织顺序排列，不作排名", branchB.name(), "导出Excel");
        BrowserSession.Page branchPage = admin.get("/life/compliance?org=" + branchB.id() + "&year=2025");
        assertThat(branchPage.body()).contains("豁免本组织的要求");
        BrowserSession.Page granted = admin.post("/life/compliance/exemptions", Map.of("orgId", Long.toString(branchB.id()),
                "period", "2025-11", "kind", "", "reason", "页面豁免"));
        assertThat(granted.status()).isEqualTo(302);
        BrowserSession.Page refused = admin.post("/life/compliance/exemptions", Map.of("orgId", Long.toString(branchB.id()),
                "period", "2025-11", "kind", "", "reason", ""));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("请填写豁免原因", "aria-invalid=\"true\"");
    }

    @Test
    void the_inbox_reminds_the_secretary_before_periods_end_and_shows_the_committee_how_many_are_behind() {
        LocalDate endOfMonthSoon = YearMonth.now().atEndOfMonth().minusDays(3);
        InboxQuery asSecretary = new InboxQuery(scopes.forUser(secretaryA), branchA.id(), branchA.path(), endOfMonthSoon,
                50, true);
        List<InboxItem> items = inbox.items(asSecretary);
        assertThat(items).extracting(InboxItem::title).contains("本月尚未开展主题党日", "上月未开展主题党日");
        assertThat(items).allMatch(InboxItem::mine);
        assertThat(items).filteredOn(i -> i.title().equals("上月未开展主题党日")).allMatch(InboxItem::overdue);
        assertThat(items).filteredOn(i -> i.title().equals("本月尚未开展主题党日"))
                .allSatisfy(i -> assertThat(i.date()).isEqualTo(YearMonth.now().atEndOfMonth()));
        // well before the month's end: only what was missed last month
        InboxQuery early = new InboxQuery(scopes.forUser(secretaryA), branchA.id(), branchA.path(),
                YearMonth.now().atDay(1), 50, true);
        assertThat(inbox.items(early)).extracting(InboxItem::title).doesNotContain("本月尚未开展主题党日");

        InboxQuery asCommittee = new InboxQuery(scopes.forUser(adminC), committee.id(), committee.path(), endOfMonthSoon,
                50, false);
        int owingNow = YearMonth.now().getMonthValue() == 12 ? 3 : 2; // in December the 党委's own yearly 党课 too
        assertThat(inbox.items(asCommittee)).extracting(InboxItem::title)
                .contains("本月有" + owingNow + "个组织尚未按要求开展组织生活", "上月有2个组织未按要求开展组织生活");
        assertThat(inbox.items(asCommittee)).filteredOn(i -> i.title().contains("个组织")).allSatisfy(i -> {
            assertThat(i.mine()).isFalse();
            assertThat(i.link()).startsWith("/life/compliance/behind?org=" + committee.id());
        });
    }
}
