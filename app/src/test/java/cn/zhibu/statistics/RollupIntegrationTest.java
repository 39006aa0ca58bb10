package cn.zhibu.statistics;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.internal.MemberRollup;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/** Dashboard counts are roll-ups kept current on every change: after each change they equal a fresh count. */
@IntegrationTest
class RollupIntegrationTest {

    @Autowired TestData data;
    @Autowired RollupAudit audit;
    @Autowired OrganizationService organizations;
    @Autowired MemberService members;
    @Autowired StatisticsService statistics;
    @Autowired MemberRollup rollup;
    @Autowired MembershipService membership;

    @Test
    void rollups_equal_a_fresh_count_after_creates_edits_moves_and_deletes() {
        assertExact("demo data");
        Organization root = data.committee("汇总测试党委");
        Organization generalBranch = data.org(root.id(), "汇总测试总支", OrganizationType.GENERAL_BRANCH);
        Organization branchA = data.org(generalBranch.id(), "汇总测试第一支部", OrganizationType.BRANCH);
        Organization branchB = data.org(root.id(), "汇总测试第二支部", OrganizationType.BRANCH);
        Organization group = data.org(branchA.id(), "汇总测试第一党小组", OrganizationType.GROUP);
        Member a1 = data.member(branchA.id(), "汇甲", MemberStatus.FULL);
        Member a2 = data.member(group.id(), "汇乙", MemberStatus.PROBATIONARY);
        Member b1 = data.member(branchB.id(), "汇丙", MemberStatus.FULL);
        assertExact("creates");
        assertThat(statistics.dashboard(SYSTEM, root.id()).members().total()).isEqualTo(3);

        // A new ethnicity, education and joining date and a move to another branch, in one edit.
        Member before = members.open(SYSTEM, b1.id());
        MemberForm changed = new MemberForm(branchA.id(), before.name(), before.gender(), "回族", before.birthDate(),
                before.idNumber(), null, cn.zhibu.member.Education.POSTGRADUATE, before.occupation(),
                before.status(), before.joinedOn().minusYears(1), before.convertedOn(), null, null);
        members.update(SYSTEM, b1.id(), before.version(), changed);
        assertExact("transfer by edit");

        // Status changes: 转正, then 停止党籍 (out of the counts) and 恢复党籍 (back in).
        membership.change(SYSTEM, a2.id(), new StatusChange(StatusChangeKind.CONVERT, LocalDate.now(), "按期转正", null, "汇总测试党委"));
        assertExact("conversion");
        membership.setLostContact(SYSTEM, b1.id(), LocalDate.now().minusYears(1));
        membership.change(SYSTEM, b1.id(), new StatusChange(StatusChangeKind.SUSPEND, LocalDate.now(), "失联", null, "汇总测试党委"));
        assertExact("suspension");
        assertThat(statistics.dashboard(SYSTEM, root.id()).members().total()).isEqualTo(2);
        membership.change(SYSTEM, b1.id(), new StatusChange(StatusChangeKind.RESTORE, LocalDate.now(), "恢复联系", null, "汇总测试党委"));
        assertExact("restoration");

        // Move the general branch (with its branch, group and members) under another committee.
        Organization otherRoot = data.committee("汇总测试另一党委");
        organizations.move(SYSTEM, generalBranch.id(), otherRoot.id());
        assertExact("subtree move");
        assertThat(statistics.dashboard(SYSTEM, otherRoot.id()).members().total()).isEqualTo(3);
        assertThat(statistics.dashboard(SYSTEM, root.id()).members().total()).isZero();
        assertThat(members.get(SYSTEM, a1.id()).orgPath()).startsWith(otherRoot.path().value());

        members.delete(SYSTEM, a1.id());
        assertExact("delete");
        organizations.dissolve(SYSTEM, branchB.id(), LocalDate.now(), "测试撤销");
        assertExact("dissolve");
        assertThat(organizations.countsByType(SYSTEM, root.id())).doesNotContainKey(OrganizationType.BRANCH);
    }

    @Test
    void folding_moves_pending_changes_into_the_rollup_and_keeps_every_count() {
        Organization branch = data.org(data.committee("合并测试党委").id(), "合并测试支部", OrganizationType.BRANCH);
        for (int i = 0; i < 5; i++) {
            data.member(branch.id(), "合并" + "甲乙丙丁戊".charAt(i), i % 2 == 0 ? MemberStatus.FULL : MemberStatus.PROBATIONARY);
        }
        assertExact("creates, folded or not");
        rollup.fold();
        assertThat(audit.pendingRollupRows()).isZero();
        assertThat(audit.foldedMemberMismatches()).as("folded table alone").isEmpty();
        assertThat(statistics.dashboard(SYSTEM, branch.id()).members().total()).isEqualTo(5);
        assertThat(rollup.fold()).as("nothing left to fold").isZero();
    }

    private void assertExact(String after) {
        assertThat(audit.memberMismatches()).as("member roll-up after " + after).isEmpty();
        assertThat(audit.organizationMismatches()).as("organization roll-up after " + after).isEmpty();
    }
}
