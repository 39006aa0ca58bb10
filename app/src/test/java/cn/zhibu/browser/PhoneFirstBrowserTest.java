package cn.zhibu.browser;

import cn.zhibu.demo.DemoAccounts;
import cn.zhibu.life.appraisal.AppraisalService;
import cn.zhibu.life.appraisal.AppraisalStage;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.support.TestData;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page on a phone (390×844) as the roles that see it: lists are cards with no sideways scrolling and no text
 * column narrower than two characters, the primary action is on screen, form fields carry their label and error,
 * and axe-core finds no serious or critical violation. One browser and one login per role for the whole class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PhoneFirstBrowserTest extends BrowserTestBase {

    @Autowired JdbcClient jdbc;
    @Autowired cn.zhibu.organization.OrganizationService organizations;
    @Autowired TestData data;
    @Autowired AppraisalService appraisals;
    @Autowired cn.zhibu.life.MeetingFixture meetingFixture;

    private final Map<String, Page> sessions = new HashMap<>();
    private long branch;
    private long committee;
    private long otherBranch;
    private long memberId;
    private long caseId;
    private long publicityId;
    private long transferId;
    private long deceasedId;
    private long meetingId;
    private long appraisalId;
    private long recordMeetingId;

    private long id(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object p : params) {
            statement = statement.param(p);
        }
        return statement.query(Long.class).list().get(0);
    }

    @BeforeAll
    void ids() {
        branch = id("select id from organization where name = ?", DemoAccounts.SECRETARY_BRANCH);
        committee = id("select id from organization where name = ?", DemoAccounts.ORG_ADMIN_COMMITTEE);
        otherBranch = id("select id from organization where name = ?", DemoAccounts.OTHER_SECRETARY_BRANCH);
        caseId = id("select id from admission_case where org_id = ? order by id", branch);
        memberId = data.member(branch, "手机卡片", MemberStatus.FULL).id();
        deceasedId = data.member(branch, "手机故去", MemberStatus.FULL).id();
        recordMeetingId = meetingFixture.heldDaysAgo(organizations.describe(branch), "手机支部党员大会", 1,
                cn.zhibu.life.MeetingKind.GENERAL_ASSEMBLY);
        meetingFixture.invite(recordMeetingId, memberId, "手机卡片", true);
        appraisalId = appraisalAtBallot();
    }

    /** Last year's 民主评议 of the demo branch, its 民主测评 open (last year's: no other test opens that one). */
    private long appraisalAtBallot() {
        long id = appraisals.open(TestData.SYSTEM, branch, java.time.LocalDate.now().getYear() - 1).id();
        for (AppraisalStage stage : List.of(AppraisalStage.SELF_ASSESSMENT, AppraisalStage.PEER_REVIEW)) {
            appraisals.closeStage(TestData.SYSTEM, id, stage);
            appraisals.openStage(TestData.SYSTEM, id, stage.next());
        }
        return id;
    }

    /** The phone of a role, logged in once. */
    private Page as(String user) {
        return sessions.computeIfAbsent(user, u -> {
            Page page = newPhonePage();
            page.onDialog(dialog -> dialog.accept());
            login(page, u);
            return page;
        });
    }

    private static void login(Page page, String user) {
        BrowserSupport.loginOnPhone(page, user, DemoAccounts.PASSWORD);
    }

    private static void assertFitsThePhone(Page page, String primaryAction) {
        // a click that submits a form returns once the next page is committed, possibly before its stylesheet applies
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        assertThat(PageChecks.layoutProblems(page)).as(page.url()).isEmpty();
        assertThat(PageChecks.smallTouchTargets(page)).as("touch targets under 44 px on %s", page.url()).isEmpty();
        Locator action = page.locator(primaryAction).first();
        assertThat(action).isVisible();
        BoundingBox box = action.boundingBox();
        assertThat(box.x).as("primary action %s on %s starts on screen", primaryAction, page.url()).isGreaterThanOrEqualTo(0);
        assertThat(box.x + box.width).as("primary action %s on %s ends on screen", primaryAction, page.url()).isLessThanOrEqualTo(390);
        if (List.of("a", "button", "input", "select").contains((String) action.evaluate("e => e.tagName.toLowerCase()"))) {
            assertThat(box.height).as("primary action %s on %s is a 44 px touch target", primaryAction, page.url())
                    .isGreaterThanOrEqualTo(44);
        }
    }

    private static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/phone-" + name + ".png")).setFullPage(true));
    }

    @Test
    @Order(1)
    void main_forms_on_a_phone_have_visible_labels_and_submit_with_their_errors_tied_to_the_field() {
        Page secretary = as(DemoAccounts.SECRETARY);

        secretary.navigate("/members/new");
        assertFitsThePhone(secretary, "#save");
        secretary.click("#save");
        Locator name = secretary.locator("#name");
        assertThat(name).hasAttribute("aria-invalid", "true");
        String describedBy = name.getAttribute("aria-describedby");
        assertThat(secretary.locator("#" + describedBy.split(" ")[0])).containsText("姓名");
        assertThat(secretary.locator("label[for=name]")).isVisible();
        assertFitsThePhone(secretary, "#save");
        shoot(secretary, "member-form-errors");

        secretary.navigate("/publicity/new");
        assertFitsThePhone(secretary, "#publish");
        secretary.selectOption("#orgId", Long.toString(branch));
        secretary.fill("#title", "关于手机卡片同志的公示");
        secretary.fill("#body", "公示内容：在手机上发布的公示。");
        secretary.click("#publish");
        assertThat(secretary.locator("#publicity")).containsText("关于手机卡片同志的公示");
        publicityId = Long.parseLong(secretary.url().replaceAll(".*/publicity/(\\d+).*", "$1"));

        secretary.navigate("/members/" + memberId);
        assertFitsThePhone(secretary, "#register-outflow");
        secretary.click("#register-outflow");
        assertThat(secretary.locator("#outflow-destination")).hasAttribute("aria-invalid", "true");
        secretary.fill("#outflow-destination", "深圳市南山区某科技公司");
        secretary.fill("#outflow-reason", "务工经商");
        secretary.fill("#outflow-leftOn", java.time.LocalDate.now().minusMonths(2).toString());
        secretary.click("#register-outflow");
        assertThat(secretary.locator("#open-outflow")).containsText("深圳市南山区");
        assertFitsThePhone(secretary, "#start-transfer");
        secretary.locator("#target-q").pressSequentially("基础教育处");
        assertThat(secretary.locator("#toOrgId option[value='" + otherBranch + "']")).hasCount(1);
        secretary.selectOption("#toOrgId", Long.toString(otherBranch));
        secretary.fill("#transfer-reason", "工作调动");
        secretary.click("#start-transfer");
        assertFitsThePhone(secretary, "#confirm");
        secretary.click("#confirm");
        assertThat(secretary.locator("#transfer-status")).hasText("办理中");
        transferId = Long.parseLong(secretary.url().replaceAll(".*/transfers/(\\d+).*", "$1"));

        secretary.navigate("/members/" + deceasedId);
        secretary.selectOption("#kind", "DECEASE");
        secretary.fill("#effectiveOn", java.time.LocalDate.now().toString());
        secretary.fill("#reason", "病故");
        assertFitsThePhone(secretary, "#status-submit");
        secretary.click("#status-submit");
        assertThat(secretary.locator("#archive-status")).hasText("已去世");

        secretary.navigate("/floating");
        assertThat(secretary.locator("#inflow-form label[for=inflow-name]")).isVisible();
        secretary.fill("#inflow-name", "手机流入");
        secretary.fill("#inflow-homeOrg", "外县某镇党委");
        secretary.click("#inflow-submit");
        assertThat(secretary.locator("#inflow-table")).containsText("手机流入");

        secretary.navigate("/life/meetings/new");
        assertFitsThePhone(secretary, "#save-meeting");
        secretary.click("#save-meeting");
        assertThat(secretary.locator("#title")).hasAttribute("aria-invalid", "true");
        assertThat(secretary.locator("#kinds")).hasAttribute("aria-invalid", "true");
        assertThat(secretary.locator("label[for=kind-THEME_DAY]")).isVisible();
        assertFitsThePhone(secretary, "#save-meeting");
        shoot(secretary, "meeting-form-errors");
        secretary.fill("#title", "手机上安排的主题党日");
        secretary.check("#kind-THEME_DAY");
        secretary.fill("#place", "党员活动室");
        secretary.click("#save-meeting");
        assertThat(secretary.locator("#meeting-title")).hasText("手机上安排的主题党日");
        meetingId = Long.parseLong(secretary.url().replaceAll(".*/life/meetings/(\\d+).*", "$1"));
        assertFitsThePhone(secretary, "#invitee-table");

        secretary.navigate("/admission/new");
        assertFitsThePhone(secretary, "#submit-application");
        secretary.navigate("/admission/cases/" + caseId);
        assertFitsThePhone(secretary, "#case-name");
        secretary.navigate("/account/password");
        assertFitsThePhone(secretary, "#password-submit");

        Page admin = as(DemoAccounts.ADMIN);
        admin.navigate("/admin/calendar");
        assertFitsThePhone(admin, "#save-day");
        Page orgAdmin = as(DemoAccounts.ORG_ADMIN);
        orgAdmin.navigate("/orgs/new?parentId=" + committee);
        assertFitsThePhone(orgAdmin, "#save");
    }

    /** Each list page of the platform, as the role that uses it, and its primary action. */
    private Map<String, String[]> listPages() {
        Map<String, String[]> pages = new LinkedHashMap<>();
        pages.put("/members", new String[]{DemoAccounts.SECRETARY, "#new-member"});
        pages.put("/members/archived", new String[]{DemoAccounts.SECRETARY, "#archived-filter button"});
        pages.put("/floating", new String[]{DemoAccounts.SECRETARY, "#inflow-submit"});
        pages.put("/transfers?direction=OUTGOING", new String[]{DemoAccounts.SECRETARY, ".transfer-link"});
        pages.put("/admission", new String[]{DemoAccounts.SECRETARY, "#new-application"});
        pages.put("/publicity", new String[]{DemoAccounts.SECRETARY, "#new-publicity"});
        pages.put("/life", new String[]{DemoAccounts.SECRETARY, "#new-meeting"});
        pages.put("/life?status=PLANNED", new String[]{DemoAccounts.MEMBER, ".meeting-link"});
        pages.put("/todo", new String[]{DemoAccounts.SECRETARY, "main table a"});
        pages.put("/orgs/" + branch, new String[]{DemoAccounts.SECRETARY, "#org-name"});
        pages.put("/", new String[]{DemoAccounts.SECRETARY, "#inbox-items .zb-card-action a"});
        pages.put("/dashboard", new String[]{DemoAccounts.SECRETARY, "#admission-figures a"});
        pages.put("/audit", new String[]{DemoAccounts.ORG_ADMIN, "#audit-filter button[type=submit]"});
        pages.put("/admin/calendar?year=2026", new String[]{DemoAccounts.ADMIN, "#save-day"});
        pages.put("/life/appraisals", new String[]{DemoAccounts.SECRETARY, "#new-appraisal"});
        pages.put("/life/talks", new String[]{DemoAccounts.SECRETARY, "#new-talk"});
        return pages;
    }

    @Test
    @Order(2)
    void every_list_page_on_a_phone_is_cards_without_sideways_scrolling_and_shows_its_primary_action() {
        listPages().forEach((path, roleAndAction) -> {
            Page page = as(roleAndAction[0]);
            page.navigate(path);
            assertFitsThePhone(page, roleAndAction[1]);
            for (Locator table : page.locator("main table:visible").all()) {
                assertThat(table).hasClass(java.util.regex.Pattern.compile("\\bzb-cards\\b"));
            }
            shoot(page, path.replaceAll("[^a-z0-9]+", "-"));
        });
        Page secretary = as(DemoAccounts.SECRETARY);
        secretary.navigate("/dashboard");
        Locator genderData = secretary.locator("#chart-data-gender");
        genderData.locator("summary").click();
        assertThat(genderData.locator("tbody tr")).hasCount(2);
        assertThat(genderData.locator("table")).containsText("男");

        secretary.navigate("/members");
        assertThat(secretary.locator("#import-link")).isHidden();
        secretary.click("#member-actions .zb-actions-toggle");
        assertThat(secretary.locator("#import-link")).isVisible();
    }

    /** Every page template, as a role that sees it. */
    private List<String[]> allPages() {
        List<String[]> pages = new ArrayList<>();
        for (var e : listPages().entrySet()) {
            pages.add(new String[]{e.getValue()[0], e.getKey()});
        }
        String s = DemoAccounts.SECRETARY;
        String o = DemoAccounts.ORG_ADMIN;
        for (String path : List.of("/transfers", "/members/new", "/members/" + memberId, "/members/" + memberId + "/edit",
                "/members/import", "/members/export", "/admission/new", "/admission/cases/" + caseId,
                "/admission/cases/" + caseId + "/steps/" + id("select id from admission_step where case_id = ? order by id limit 1", caseId) + "/amend",
                "/publicity/new", "/publicity/" + publicityId, "/transfers/" + transferId, "/account/password",
                "/orgs", "/life/meetings/new", "/life/meetings/" + meetingId, "/life/meetings/" + meetingId + "/edit",
                "/account/email", "/life/meetings/" + recordMeetingId + "/record")) {
            pages.add(new String[]{s, path});
        }
        for (String path : List.of("/", "/orgs/" + committee, "/orgs/" + committee + "/edit", "/orgs/new?parentId=" + committee,
                "/orgs/" + branch + "/move?q=党委", "/orgs/" + branch + "/dissolve", "/transfers/" + transferId)) {
            pages.add(new String[]{o, path});
        }
        pages.add(new String[]{s, "/members/archived/" + deceasedId});
        pages.add(new String[]{DemoAccounts.OTHER_SECRETARY, "/transfers/" + transferId});
        pages.add(new String[]{DemoAccounts.MEMBER, "/"});
        pages.add(new String[]{DemoAccounts.MEMBER, "/me"});
        pages.add(new String[]{DemoAccounts.MEMBER, "/publicity"});
        pages.add(new String[]{DemoAccounts.MEMBER, "/publicity/" + publicityId});
        pages.add(new String[]{DemoAccounts.MEMBER, "/life/meetings/" + meetingId});
        pages.add(new String[]{DemoAccounts.MEMBER, "/no-such-page"});
        String appraisal = "/life/appraisals/" + appraisalId;
        for (String path : List.of("/life/appraisals/new", appraisal, appraisal + "/grades", appraisal + "/reviews")) {
            pages.add(new String[]{s, path});
        }
        for (String path : List.of("/life/appraisals", appraisal, appraisal + "/ballot", appraisal + "/self",
                appraisal + "/reviews", "/life/talks")) {
            pages.add(new String[]{DemoAccounts.MEMBER, path});
        }
        return pages;
    }

    @Test
    @Order(3)
    void axe_core_finds_no_serious_or_critical_violation_on_any_page() {
        List<String> found = new ArrayList<>();
        for (String[] rolePath : allPages()) {
            Page page = as(rolePath[0]);
            page.navigate(rolePath[1]);
            PageChecks.waitForHtmx(page);
            for (String v : PageChecks.axeViolations(page)) {
                found.add(rolePath[0] + " " + rolePath[1] + " → " + v);
            }
        }
        // wide screens show the navigation bar expanded: the longest (系统管理员) and the shortest (党员)
        for (String user : List.of(DemoAccounts.ADMIN, DemoAccounts.MEMBER)) {
            Page desktop = newDesktopPage();
            login(desktop, user);
            desktop.navigate("/publicity");
            PageChecks.axeViolations(desktop).forEach(v -> found.add(user + " /publicity (1280 px) → " + v));
            desktop.context().close();
        }
        // the pages without a login, and a form showing its errors
        Page anonymous = newPhonePage();
        anonymous.navigate("/login");
        PageChecks.axeViolations(anonymous).forEach(v -> found.add("anonymous /login → " + v));
        String letterNo = jdbc.sql("select letter_no from member_transfer where id = ?").param(transferId)
                .query(String.class).single();
        anonymous.navigate("/verify/letters/" + letterNo);
        PageChecks.axeViolations(anonymous).forEach(v -> found.add("anonymous letter check → " + v));
        Page secretary = as(DemoAccounts.SECRETARY);
        secretary.navigate("/members/new");
        secretary.click("#save");
        PageChecks.axeViolations(secretary).forEach(v -> found.add("shuji /members/new (errors) → " + v));
        secretary.navigate("/members/import");
        String good = TestData.idNumber(java.time.LocalDate.of(1990, 3, 3), true);
        String bad = good.substring(0, 17) + (good.endsWith("0") ? "1" : "0");
        try {
            secretary.setInputFiles("#file", new com.microsoft.playwright.options.FilePayload("党员.xlsx",
                    "application/octet-stream", RosterBrowserTest.file(List.of(RosterBrowserTest.row("手机导入", bad)))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        secretary.click("#upload");
        assertThat(secretary.locator("#import-status")).containsText("未导入任何数据");
        assertThat(PageChecks.layoutProblems(secretary)).isEmpty();
        PageChecks.axeViolations(secretary).forEach(v -> found.add("shuji import rejected → " + v));
        secretary.navigate("/members/export");
        secretary.click("#start-export");
        secretary.locator("#download-export").waitFor();
        PageChecks.axeViolations(secretary).forEach(v -> found.add("shuji export progress → " + v));
        assertThat(found).as(String.join("\n", found)).isEmpty();
    }

    @Test
    @Order(4)
    void a_member_casts_the_anonymous_ballot_and_the_secretary_records_a_talk_on_a_phone() {
        Page member = as(DemoAccounts.MEMBER);
        member.navigate("/life/appraisals/" + appraisalId);
        assertFitsThePhone(member, "#ballot-link");
        member.click("#ballot-link");
        assertFitsThePhone(member, "#cast-ballot");
        member.click("#cast-ballot");
        assertThat(member.locator("main .alert-danger")).containsText("请为每名正式党员选择等次");
        for (Locator choice : member.locator("#ballot-form input[value=QUALIFIED]").all()) {
            choice.check();
        }
        member.click("#cast-ballot");
        assertFitsThePhone(member, "#confirm");
        assertThat(member.locator("#confirm-warnings")).containsText("投出后本人也不能查看或更改");
        shoot(member, "ballot-confirm");
        member.click("#confirm");
        assertThat(member.locator("#my-ballot")).containsText("已投票");
        shoot(member, "ballot-cast");

        Page secretary = as(DemoAccounts.SECRETARY);
        secretary.navigate("/life/talks");
        assertFitsThePhone(secretary, "#new-talk");
        secretary.click("#save-talk");
        assertThat(secretary.locator("#topic")).hasAttribute("aria-invalid", "true");
        secretary.selectOption("#memberId", new com.microsoft.playwright.options.SelectOption().setIndex(1));
        secretary.selectOption("#otherId", new com.microsoft.playwright.options.SelectOption().setIndex(2));
        secretary.fill("#topic", "手机上记录的谈心谈话");
        secretary.click("#save-talk");
        assertThat(secretary.locator("#talk-table")).containsText("手机上记录的谈心谈话");
        assertFitsThePhone(secretary, "#new-talk");
        shoot(secretary, "talks");
    }
}
