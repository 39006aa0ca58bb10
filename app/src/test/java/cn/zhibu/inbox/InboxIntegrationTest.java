package cn.zhibu.inbox;

import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStep;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.admission.StepForm;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Education;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.Transfer;
import cn.zhibu.member.TransferRequest;
import cn.zhibu.member.TransferService;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox collects every module's items for the one who must act: each contribution appears for that person (需我办理),
 * for the committee above as something to watch, disappears once done, and never appears for another branch's
 * secretary, through the service, the API and the page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxIntegrationTest {

    private static final String PASSWORD = "Inbox@Scope2026";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired InboxService inbox;
    @Autowired AdmissionService admission;
    @Autowired MembershipService membership;
    @Autowired TransferService transfers;
    @Autowired PublicityService publicity;
    @LocalServerPort int port;

    String suffix;
    /** The suffix in letters: a person's name holds no digits. */
    String tag;
    Organization committeeA;
    Organization branchA;
    Organization committeeB;
    Organization branchB;
    Member memberA;
    DataScope secretaryA;
    DataScope secretaryB;
    DataScope adminA;
    DataScope adminB;

    @BeforeAll
    void twoCommittees() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        tag = suffix.chars().mapToObj(c -> String.valueOf((char) ('a' + c - '0'))).reduce("", String::concat);
        committeeA = data.committee("待办甲党委" + suffix);
        branchA = data.org(committeeA.id(), "待办甲支部", OrganizationType.BRANCH);
        committeeB = data.committee("待办乙党委" + suffix);
        branchB = data.org(committeeB.id(), "待办乙支部", OrganizationType.BRANCH);
        memberA = data.member(branchA.id(), "待办甲党员", MemberStatus.FULL);
        for (int i = 0; i < 3; i++) {
            data.member(branchA.id(), "待办甲正式" + "一二三".charAt(i), MemberStatus.FULL);
            data.member(branchB.id(), "待办乙正式" + "一二三".charAt(i), MemberStatus.FULL);
        }
        secretaryA = scope("甲书记", List.of(), List.of(branchA), null, null);
        secretaryB = scope("乙书记", List.of(), List.of(branchB), null, null);
        adminA = scope("甲党委", List.of(committeeA), List.of(committeeA), null, null);
        adminB = scope("乙党委", List.of(committeeB), List.of(committeeB), null, null);
        accounts.create("isecA" + suffix, PASSWORD, "甲支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchA.id())));
        accounts.create("isecB" + suffix, PASSWORD, "乙支部书记", null, List.of(new RoleGrant(Role.SECRETARY, branchB.id())));
        accounts.create("iselfA" + suffix, PASSWORD, "甲支部党员", memberA.id(), List.of(new RoleGrant(Role.MEMBER, null)));
    }

    private static DataScope scope(String name, List<Organization> administers, List<Organization> manages,
                                   Long self, Organization selfOrg) {
        return new DataScope(name.hashCode(), name, false, administers.stream().map(Organization::path).toList(),
                manages.stream().map(Organization::path).toList(), self, selfOrg == null ? null : selfOrg.path(), false);
    }

    private List<InboxItem> items(DataScope scope, Organization org) {
        return inbox.view(scope, org == null ? null : org.id(), false, 0, 100).items();
    }

    private static List<InboxItem> about(List<InboxItem> items, String subject) {
        return items.stream().filter(i -> subject.equals(i.subject())).toList();
    }

    @Test
    void D3_an_overdue_first_talk_is_the_branch_secretarys_to_do_the_committees_to_watch_and_gone_once_held() {
        String name = "待办申请人" + tag;
        long caseId = admission.apply(SYSTEM, new ApplicationForm(branchA.id(), name,
                TestData.idNumber(LocalDate.of(2000, 5, 5), true), "汉族", Education.BACHELOR, Occupation.WORKER, null,
                null, TODAY.minusDays(40))).id();

        assertThat(about(items(secretaryA, branchA), name)).singleElement().satisfies(i -> {
            assertThat(i.mine()).isTrue();
            assertThat(i.overdue()).isTrue();
            assertThat(i.rule()).isEqualTo("D3");
            assertThat(i.article()).isEqualTo("《中国共产党发展党员工作细则》第七条");
            assertThat(i.link()).isEqualTo("/admission/cases/" + caseId);
            assertThat(i.date()).isEqualTo(TODAY.minusDays(40).plusMonths(1));
        });
        assertThat(about(items(adminA, committeeA), name)).singleElement().satisfies(i -> assertThat(i.mine()).isFalse());
        assertThat(about(items(secretaryB, branchB), name)).isEmpty();
        assertThat(about(items(adminB, committeeB), name)).isEmpty();

        admission.record(SYSTEM, caseId, StepForm.simple(AdmissionStep.FIRST_TALK, TODAY, "甲支部书记", null));
        assertThat(about(items(secretaryA, branchA), name)).isEmpty();
    }

    @Test
    void D11_probation_over_is_the_branchs_to_discuss_and_gone_once_converted() {
        String name = "待办预备" + tag;
        Member m = data.member(branchA.id(), name, MemberStatus.PROBATIONARY);
        assertThat(about(items(secretaryA, branchA), name)).singleElement().satisfies(i -> {
            assertThat(i.mine()).isTrue();
            assertThat(i.rule()).isEqualTo("D11");
            assertThat(i.link()).isEqualTo("/members/" + m.id());
        });
        assertThat(about(items(adminA, committeeA), name)).singleElement().satisfies(i -> assertThat(i.mine()).isFalse());
        assertThat(about(items(secretaryB, branchB), name)).isEmpty();

        membership.change(SYSTEM, m.id(), new StatusChange(StatusChangeKind.CONVERT, m.joinedOn().plusYears(1),
                "经支部大会讨论", "党字〔2026〕9号", "待办甲党委"));
        assertThat(about(items(secretaryA, branchA), name)).isEmpty();
    }

    @Test
    void R1_a_transfer_waits_in_the_inbox_of_whoever_must_decide_its_step_and_moves_on_when_decided() {
        Member m = data.member(branchA.id(), "待办转接" + tag, MemberStatus.FULL);
        Transfer t = transfers.start(secretaryA, m.id(), new TransferRequest(branchB.id(), "工作调动"));
        String link = "/transfers/" + t.id();

        assertThat(linked(items(adminA, committeeA), link)).singleElement().satisfies(i -> {
            assertThat(i.mine()).isTrue();
            assertThat(i.title()).contains("转出方党委审批");
        });
        assertThat(linked(items(secretaryB, branchB), link)).isEmpty();
        assertThat(linked(items(adminB, committeeB), link)).isEmpty();
        assertThat(transfers.awaitingMe(adminA, 0, 20).items()).extracting(Transfer::id).contains(t.id());

        transfers.approve(adminA, t.id(), "同意");
        assertThat(linked(items(adminA, committeeA), link)).isEmpty();
        assertThat(linked(items(adminB, committeeB), link)).singleElement().satisfies(i -> assertThat(i.mine()).isTrue());
        transfers.approve(adminB, t.id(), "同意接收");
        assertThat(linked(items(secretaryB, branchB), link)).singleElement()
                .satisfies(i -> assertThat(i.title()).contains("转入组织接收"));
        assertThat(transfers.awaitingMe(secretaryB, 0, 20).items()).extracting(Transfer::id).containsExactly(t.id());
        transfers.approve(secretaryB, t.id(), null);
        assertThat(linked(items(secretaryB, branchB), link)).isEmpty();
    }

    private static List<InboxItem> linked(List<InboxItem> items, String link) {
        return items.stream().filter(i -> link.equals(i.link())).toList();
    }

    @Test
    void B1_a_branch_without_three_full_members_is_a_rule_warning_of_its_own_secretary() {
        Organization small = data.org(committeeA.id(), "待办小支部" + suffix, OrganizationType.BRANCH);
        DataScope smallSecretary = scope("小支部书记", List.of(), List.of(small), null, null);
        assertThat(items(smallSecretary, small)).filteredOn(i -> "B1".equals(i.rule())).first().satisfies(i -> {
            assertThat(i.mine()).isTrue();
            assertThat(i.overdue()).isTrue();
            assertThat(i.article()).isEqualTo("《中国共产党支部工作条例（试行）》第四条");
            assertThat(i.link()).isEqualTo("/orgs/" + small.id());
        });
        assertThat(items(secretaryB, branchB)).noneMatch(i -> i.link().equals("/orgs/" + small.id()));
    }

    @Test
    void a_member_is_asked_for_their_opinion_on_an_open_publicity_until_they_give_it() {
        long id = publicity.publish(SYSTEM, new PublicityDraft(branchA.id(), "待办公示" + suffix, "内容", TODAY, 5,
                null, null)).id();
        DataScope self = scope("甲支部党员", List.of(), List.of(), memberA.id(), branchA);
        DataScope otherMember = scope("乙支部党员", List.of(), List.of(), null, branchB);
        assertThat(linked(items(self, null), "/publicity/" + id)).singleElement().satisfies(i -> {
            assertThat(i.mine()).isTrue();
            assertThat(i.title()).contains("征求意见");
        });
        assertThat(linked(items(otherMember, null), "/publicity/" + id)).isEmpty();
        assertThat(linked(items(secretaryA, branchA), "/publicity/" + id)).singleElement()
                .satisfies(i -> assertThat(i.mine()).isTrue());
        assertThat(inbox.count(self).mine()).isGreaterThanOrEqualTo(1);

        publicity.comment(self, id, "同意", false);
        assertThat(linked(items(self, null), "/publicity/" + id)).isEmpty();
    }

    @Test
    void the_api_answers_items_counts_per_organization_and_paging_and_another_branch_learns_nothing() {
        String name = "待办接口申请人" + tag;
        admission.apply(SYSTEM, new ApplicationForm(branchA.id(), name, TestData.idNumber(LocalDate.of(2001, 6, 6), false),
                "汉族", Education.BACHELOR, Occupation.WORKER, null, null, TODAY.minusDays(45)));
        ApiClient secA = ApiClient.loggedIn(port, "isecA" + suffix, PASSWORD);
        ApiClient.Response r = secA.get("/api/v1/inbox?size=5");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("org").get("id").asLong()).isEqualTo(branchA.id());
        assertThat(body.get("items").size()).isLessThanOrEqualTo(5);
        assertThat(body.get("total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(body.get("byOrganization").get(0).get("orgId").asLong()).isEqualTo(branchA.id());
        assertThat(secA.get("/api/v1/inbox?size=100").body()).contains(name);
        assertThat(secA.get("/api/v1/inbox/count").json().get("mine").asLong()).isGreaterThanOrEqualTo(1);

        ApiClient secB = ApiClient.loggedIn(port, "isecB" + suffix, PASSWORD);
        assertThat(secB.get("/api/v1/inbox?size=100").body()).doesNotContain(name).doesNotContain("待办甲");
        ApiClient.Response foreign = secB.get("/api/v1/inbox?orgId=" + branchA.id());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("待办甲");
        assertThat(secB.get("/api/v1/inbox?size=0").status()).isEqualTo(400);
    }

    @Test
    void the_first_page_is_the_inbox_for_secretary_and_member_and_the_dashboard_is_one_click_away() {
        BrowserSession sec = BrowserSession.loggedIn(port, "isecA" + suffix, PASSWORD);
        String home = sec.get("/").body();
        assertThat(home).contains("我的待办").contains("href=\"/dashboard\"").contains("aria-current=\"page\"");
        assertThat(sec.get("/dashboard").body()).contains("驾驶舱");
        assertThat(sec.get("/?org=" + branchA.id()).status()).isEqualTo(302);
        assertThat(sec.get("/inbox/badge").status()).isEqualTo(200);
        assertThat(sec.get("/inbox?org=" + branchB.id()).status()).isEqualTo(404);

        BrowserSession self = BrowserSession.loggedIn(port, "iselfA" + suffix, PASSWORD);
        String mine = self.get("/").body();
        assertThat(mine).contains("我的待办").contains("href=\"/me\"");
        assertThat(self.get("/me").status()).isEqualTo(302);
    }
}
