package cn.zhibu.publishing;

import cn.zhibu.identity.DataScopes;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.AuditLog;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.platform.WorkingDays;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 公示: the period by working days, the comment window to the day, who may comment, read and withdraw. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicityIntegrationTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired PublicityService publicity;
    @Autowired WorkingDays workingDays;
    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired DataScopes scopes;
    @Autowired OrganizationService organizations;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired cn.zhibu.admission.AdmissionService admission;

    Organization committee;
    Organization branch;
    Organization group;
    Organization sibling;
    DataScope secretary;
    DataScope orgAdmin;
    DataScope branchMember;
    DataScope groupMember;
    DataScope siblingMember;

    @BeforeAll
    void world() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("公示测试党委" + suffix);
        branch = data.org(committee.id(), "公示测试支部", OrganizationType.BRANCH);
        group = data.org(branch.id(), "公示测试党小组", OrganizationType.GROUP);
        sibling = data.org(committee.id(), "公示测试二支部", OrganizationType.BRANCH);
        Member inBranch = data.member(branch.id(), "支部党员甲", MemberStatus.FULL);
        Member inGroup = data.member(group.id(), "小组党员乙", MemberStatus.PROBATIONARY);
        Member inSibling = data.member(sibling.id(), "二支部党员丙", MemberStatus.FULL);
        secretary = scope("pubsec" + suffix, "公示支部书记", null, new RoleGrant(Role.SECRETARY, branch.id()));
        orgAdmin = scope("pubadm" + suffix, "公示党委管理员", null, new RoleGrant(Role.ORG_ADMIN, committee.id()));
        branchMember = scope("pubm1" + suffix, "支部党员甲", inBranch.id(), new RoleGrant(Role.MEMBER, null));
        groupMember = scope("pubm2" + suffix, "小组党员乙", inGroup.id(), new RoleGrant(Role.MEMBER, null));
        siblingMember = scope("pubm3" + suffix, "二支部党员丙", inSibling.id(), new RoleGrant(Role.MEMBER, null));
    }

    private DataScope scope(String username, String name, Long memberId, RoleGrant grant) {
        return scopes.forUser(accounts.create(username, "Publicity@2026", name, memberId, List.of(grant)));
    }

    private Publicity publish(DataScope by, Organization org, String title) {
        return publicity.publish(by, new PublicityDraft(org.id(), title, "公示内容：\n第一行", TODAY, 5, null, null));
    }

    /** Moves a 公示's period, as if it had been published earlier (publishing refuses a start in the past). */
    private void period(Publicity p, LocalDate startsOn, LocalDate endsOn) {
        jdbc.sql("update publicity set starts_on = ?, ends_on = ? where id = ?").params(startsOn, endsOn, p.id()).update();
    }

    private long count(Organization org) {
        return jdbc.sql("select count(*) from publicity where org_id = ?").param(org.id()).query(Long.class).single();
    }

    @Test
    void the_period_ends_after_the_given_working_days_by_the_holiday_calendar() {
        long caseId = admission.apply(SYSTEM, new cn.zhibu.admission.ApplicationForm(branch.id(), "公示对象",
                TestData.idNumber(LocalDate.of(1999, 9, 9), true), "汉族", cn.zhibu.member.Education.BACHELOR,
                cn.zhibu.member.Occupation.WORKER, null, null, TODAY.minusDays(1))).id();
        Publicity p = publicity.publish(secretary, new PublicityDraft(branch.id(), " 关于确定发展对象的公示 ",
                "经支委会研究，拟确定……", TODAY, 5, "admission_case", caseId));
        assertThat(p.endsOn()).isEqualTo(workingDays.lastDayOfPeriod(TODAY, 5));
        assertThat(workingDays.workingDaysBetween(p.startsOn(), p.endsOn())).isEqualTo(5);
        assertThat(p.title()).isEqualTo("关于确定发展对象的公示");
        assertThat(p.orgName()).isEqualTo("公示测试支部");
        assertThat(p.orgPath()).isEqualTo(branch.path().value());
        assertThat(p.status()).isEqualTo("公示中");
        assertThat(p.publishedBy()).isEqualTo("公示支部书记");
        assertThat(p.endedOn(p.endsOn())).isFalse();
        assertThat(p.endedOn(p.endsOn().plusDays(1))).isTrue();
        assertThat(publicity.forSubject(secretary, "admission_case", caseId)).extracting(Publicity::id)
                .containsExactly(p.id());
        AuditLog.Entry entry = audit.recent(SYSTEM, "publicity", 0, 1).get(0);
        assertThat(entry.action()).isEqualTo("公示.发布");
        assertThat(entry.entityId()).isEqualTo(Long.toString(p.id()));
        assertThat(entry.orgPath()).isEqualTo(branch.path().value());

        Publicity later = publicity.publish(secretary, new PublicityDraft(branch.id(), "下月公示", "内容",
                TODAY.plusDays(10), 30, null, null));
        assertThat(later.status()).isEqualTo("未开始");
        assertThat(later.endsOn()).isEqualTo(workingDays.lastDayOfPeriod(TODAY.plusDays(10), 30));
    }

    @Test
    void a_draft_is_refused_field_by_field_and_nothing_is_published() {
        long before = count(branch);
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), "标题", "内容",
                TODAY.minusDays(1), 5, null, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("startsOn"))
                .hasMessageContaining("不能早于今天");
        for (int days : new int[]{0, 31, -5}) {
            assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), "标题", "内容", TODAY,
                    days, null, null))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("1至30个工作日");
        }
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), " ", null, null, 5,
                null, null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors())
                        .containsKeys("title", "body", "startsOn"));
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), "长".repeat(101), "内容",
                TODAY, 5, null, null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("100字");
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), "标题", "内容", TODAY, 5,
                "ADMISSION_CASE", null))).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("subjectType"));
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(branch.id(), "标题", "内容", TODAY, 5,
                "发展对象", 1L))).isInstanceOf(InvalidInputException.class).hasMessageContaining("关联对象类型“发展对象”不存在");
        assertThatThrownBy(() -> publicity.publish(secretary, new PublicityDraft(0, "标题", "内容", TODAY, 5, null,
                null))).isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择");
        // out of scope: another branch, or a member who manages nothing
        assertThatThrownBy(() -> publish(secretary, sibling, "越权公示")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> publish(branchMember, branch, "党员发布")).isInstanceOf(ForbiddenException.class);
        assertThat(count(branch)).isEqualTo(before);
        assertThat(count(sibling)).isZero();
    }

    @Test
    void comments_are_taken_from_the_first_to_the_last_day_of_the_period_and_not_after() {
        Publicity p = publish(secretary, branch, "意见窗口");
        period(p, TODAY.minusDays(6), TODAY);
        assertThat(publicity.comment(branchMember, p.id(), "最后一天的意见", false).text()).isEqualTo("最后一天的意见");

        period(p, TODAY.minusDays(7), TODAY.minusDays(1));
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "晚了一天", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("公示期已于" + TODAY.minusDays(1) + "结束");
        Publicity ended = publicity.get(branchMember, p.id());
        assertThat(ended.status()).isEqualTo("已结束");
        assertThat(ended.endedOn(TODAY)).isTrue();
        assertThat(ended.endedOn(TODAY.minusDays(1))).isFalse();
        assertThatThrownBy(() -> publicity.withdraw(secretary, p.id(), "已结束还撤回"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能撤回");

        period(p, TODAY, TODAY.plusDays(6));
        assertThat(publicity.comment(groupMember, p.id(), "第一天的意见", true).anonymous()).isTrue();
        period(p, TODAY.plusDays(1), TODAY.plusDays(7));
        assertThat(publicity.get(branchMember, p.id()).status()).isEqualTo("未开始");
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "早了一天", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("开始后才能提出意见");

        assertThat(publicity.get(secretary, p.id()).commentCount()).isEqualTo(2);
        period(p, TODAY, TODAY.plusDays(6));
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "  ", false))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("text"));
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "长".repeat(1001), false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("1000字");
    }

    @Test
    void members_of_the_subtree_and_its_managers_comment_managers_read_them_all_anonymous_ones_without_a_name() {
        Publicity p = publish(secretary, branch, "谁能提意见");
        PublicityComment named = publicity.comment(groupMember, p.id(), "小组党员的实名意见", false);
        PublicityComment anonymous = publicity.comment(branchMember, p.id(), "支部党员的匿名意见", true);
        publicity.comment(secretary, p.id(), "书记的意见", false);
        publicity.comment(orgAdmin, p.id(), "党委的意见", false);
        assertThatThrownBy(() -> publicity.comment(siblingMember, p.id(), "别的支部", false))
                .isInstanceOf(NotFoundException.class);

        List<PublicityComment> all = publicity.comments(secretary, p.id());
        assertThat(all).extracting(PublicityComment::text)
                .containsExactly("小组党员的实名意见", "支部党员的匿名意见", "书记的意见", "党委的意见");
        assertThat(all).extracting(PublicityComment::authorName)
                .containsExactly("小组党员乙", null, "公示支部书记", "公示党委管理员");
        assertThat(all).extracting(PublicityComment::mine).containsExactly(false, false, true, false);
        assertThat(publicity.comments(orgAdmin, p.id())).hasSize(4);
        assertThat(publicity.comments(branchMember, p.id())).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(anonymous.id());
            assertThat(c.mine()).isTrue();
            assertThat(c.authorName()).isNull();
        });
        assertThat(publicity.comments(groupMember, p.id())).extracting(PublicityComment::id).containsExactly(named.id());
        assertThat(publicity.get(branchMember, p.id()).commentCount()).isEqualTo(4);

        // the anonymous row does not name its author, nor does its audit entry (see AnonymousCommentIntegrationTest)
        Map<String, Object> row = jdbc.sql("select author_user_id, author_name from publicity_comment where id = ?")
                .param(anonymous.id()).query().singleRow();
        assertThat(row.get("author_user_id")).isNull();
        assertThat(row.get("author_name")).isNull();
        assertThat(auditEntry(anonymous.id())).containsEntry("actor_id", DataScope.ANONYMOUS_ACTOR_ID)
                .containsEntry("org_path", branch.path().value());
        assertThat(auditEntry(named.id())).containsEntry("actor_id", groupMember.actorId())
                .containsEntry("org_path", branch.path().value());
        // one opinion per person and 公示, named or not
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "再提一条", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("每人限提一次");
    }

    private Map<String, Object> auditEntry(long commentId) {
        return jdbc.sql("select actor_id, org_path from audit_log where entity_type = 'publicity_comment' and entity_id = ?")
                .param(Long.toString(commentId)).query().singleRow();
    }

    @Test
    void the_managers_withdraw_before_the_end_with_a_reason_and_comments_stop() {
        Publicity p = publish(secretary, branch, "将被撤回");
        assertThatThrownBy(() -> publicity.withdraw(branchMember, p.id(), "党员撤回"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> publicity.withdraw(secretary, p.id(), " "))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsOnlyKeys("reason"));
        Publicity withdrawn = publicity.withdraw(orgAdmin, p.id(), "发展对象材料需补充");
        assertThat(withdrawn.status()).isEqualTo("已撤回");
        assertThat(withdrawn.withdrawnBy()).isEqualTo("公示党委管理员");
        assertThat(withdrawn.withdrawReason()).isEqualTo("发展对象材料需补充");
        assertThat(withdrawn.endedOn(withdrawn.endsOn().plusYears(1))).isFalse();
        assertThatThrownBy(() -> publicity.withdraw(secretary, p.id(), "再撤一次"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已经撤回");
        assertThatThrownBy(() -> publicity.comment(branchMember, p.id(), "撤回后的意见", false))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已撤回");
        assertThat(audit.recent(SYSTEM, "publicity", 0, 1).get(0).action()).isEqualTo("公示.撤回");
    }

    @Test
    void each_caller_lists_what_is_addressed_to_them_or_published_below_them() {
        Publicity ofCommittee = publish(orgAdmin, committee, "党委公示");
        Publicity ofBranch = publish(secretary, branch, "支部公示");
        Publicity ofGroup = publish(secretary, group, "小组公示");
        Publicity ofSibling = publish(orgAdmin, sibling, "二支部公示");
        publicity.withdraw(orgAdmin, ofSibling.id(), "测试撤回");

        assertThat(ids(branchMember, null)).contains(ofCommittee.id(), ofBranch.id())
                .doesNotContain(ofGroup.id(), ofSibling.id());
        assertThat(ids(groupMember, null)).contains(ofCommittee.id(), ofBranch.id(), ofGroup.id())
                .doesNotContain(ofSibling.id());
        assertThat(ids(siblingMember, null)).contains(ofCommittee.id(), ofSibling.id())
                .doesNotContain(ofBranch.id(), ofGroup.id());
        assertThat(ids(secretary, null)).contains(ofBranch.id(), ofGroup.id())
                .doesNotContain(ofCommittee.id(), ofSibling.id());
        assertThat(ids(orgAdmin, null)).contains(ofCommittee.id(), ofBranch.id(), ofGroup.id(), ofSibling.id());
        assertThat(ids(orgAdmin, PublicityStatus.WITHDRAWN)).contains(ofSibling.id()).doesNotContain(ofBranch.id());
        assertThat(ids(orgAdmin, PublicityStatus.OPEN)).contains(ofBranch.id()).doesNotContain(ofSibling.id());
        assertThat(publicity.find(siblingMember, ofBranch.id())).isEmpty();
        assertThat(publicity.find(branchMember, ofCommittee.id())).isPresent();

        PublicityPage first = publicity.list(orgAdmin, null, 0, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.total()).isGreaterThanOrEqualTo(4);
        assertThat(publicity.list(orgAdmin, null, 1, 2).items()).doesNotContainAnyElementsOf(first.items());
    }

    private List<Long> ids(DataScope scope, PublicityStatus status) {
        return publicity.list(scope, status, 0, 100).items().stream().map(Publicity::id).toList();
    }

    @Test
    void a_moved_organization_takes_its_publicity_along() {
        Organization elsewhere = data.committee("公示迁移党委" + System.nanoTime() % 1_000_000);
        Organization moving = data.org(elsewhere.id(), "公示迁移支部", OrganizationType.BRANCH);
        Publicity p = publish(SYSTEM, moving, "迁移前的公示");
        assertThat(publicity.find(orgAdmin, p.id())).isEmpty();
        organizations.move(SYSTEM, moving.id(), committee.id());
        Publicity moved = publicity.find(orgAdmin, p.id()).orElseThrow();
        assertThat(moved.orgPath()).isEqualTo(committee.path().child(moving.id()).value());
        assertThat(jdbc.sql("select root_id from publicity where id = ?").param(p.id()).query(Long.class).single())
                .isEqualTo(committee.rootId());
    }
}
