package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.ForbiddenException;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.statistics.StatisticsService;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 组织关系转接 between two committees' branches, with the default chain (R1, R4). */
@IntegrationTest
class TransferIntegrationTest {

    @Autowired TestData data;
    @Autowired TransferService transfers;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired StatisticsService statistics;
    @Autowired RollupAudit rollups;
    @Autowired JdbcClient jdbc;

    Organization committeeA;
    Organization branchA;
    Organization committeeB;
    Organization branchB;
    Member member;
    DataScope secretaryA;
    DataScope secretaryB;
    DataScope adminA;
    DataScope adminB;

    @BeforeEach
    void twoCommittees() {
        committeeA = data.committee("转出党委");
        branchA = data.org(committeeA.id(), "转出支部", OrganizationType.BRANCH);
        committeeB = data.committee("转入党委");
        branchB = data.org(committeeB.id(), "转入支部", OrganizationType.BRANCH);
        member = data.member(branchA.id(), "转接党员", MemberStatus.FULL);
        secretaryA = scope("甲书记", List.of(), List.of(branchA));
        secretaryB = scope("乙书记", List.of(), List.of(branchB));
        adminA = scope("甲党委", List.of(committeeA), List.of(committeeA));
        adminB = scope("乙党委", List.of(committeeB), List.of(committeeB));
    }

    private static DataScope scope(String name, List<Organization> administers, List<Organization> manages) {
        return new DataScope(name.hashCode(), name, false, administers.stream().map(Organization::path).toList(),
                manages.stream().map(Organization::path).toList(), null, null, false);
    }

    private long membersOf(Organization org) {
        return statistics.dashboard(SYSTEM, org.id()).members().total();
    }

    @Test
    void r1_the_member_moves_only_when_the_receiving_branch_accepts_after_both_committees() {
        Transfer t = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "工作调动"));
        assertThat(t.awaiting()).isEqualTo(TransferStep.SENDING_COMMITTEE);
        assertThat(t.letterNo()).matches("转字\\d{4}第\\d{6}号");
        assertThat(t.validUntil()).isEqualTo(LocalDate.now().plusMonths(3));

        // Each side sees it; the receiving secretary cannot skip the committees.
        assertThat(transfers.list(secretaryB, false, null, 0, 20).items()).extracting(Transfer::id).contains(t.id());
        assertThatThrownBy(() -> transfers.approve(secretaryB, t.id(), null)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("转出方党委审批");
        transfers.approve(adminA, t.id(), "同意");
        assertThatThrownBy(() -> transfers.approve(adminA, t.id(), null)).isInstanceOf(ForbiddenException.class);
        transfers.approve(adminB, t.id(), "同意接收");

        // Still the sending side's member, counted there only, until accepted.
        assertThat(membersOf(branchA)).isEqualTo(1);
        assertThat(membersOf(branchB)).isZero();
        assertThat(members.get(SYSTEM, member.id()).orgId()).isEqualTo(branchA.id());

        Transfer done = transfers.approve(secretaryB, t.id(), null);
        assertThat(done.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(done.decisions()).extracting(TransferDecision::step).containsExactly(
                TransferStep.SENDING_COMMITTEE, TransferStep.RECEIVING_COMMITTEE, TransferStep.RECEIVING_ORG);
        assertThat(members.get(SYSTEM, member.id()).orgId()).isEqualTo(branchB.id());
        assertThat(membersOf(branchA)).isZero();
        assertThat(membersOf(committeeB)).isEqualTo(1);
        assertThat(rollups.memberMismatches()).isEmpty();
        // The sending secretary no longer manages the member, and sees the finished transfer still.
        assertThatThrownBy(() -> members.get(secretaryA, member.id())).isInstanceOf(NotFoundException.class);
        assertThat(transfers.get(secretaryA, t.id()).status()).isEqualTo(TransferStatus.COMPLETED);
    }

    @Test
    void r1_refusal_needs_a_reason_and_leaves_the_member_where_they_were() {
        Transfer t = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "户籍迁移"));
        assertThatThrownBy(() -> transfers.refuse(adminA, t.id(), " ")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("不得无故拒绝接收");
        Transfer refused = transfers.refuse(adminA, t.id(), "材料不全，请补充后重新发起");
        assertThat(refused.status()).isEqualTo(TransferStatus.REFUSED);
        assertThat(refused.decisions()).singleElement().satisfies(d -> assertThat(d.note()).contains("材料不全"));
        assertThat(members.get(SYSTEM, member.id()).orgId()).isEqualTo(branchA.id());
        assertThatThrownBy(() -> transfers.approve(adminA, t.id(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已退回");
        // A new one may be started once the first is closed.
        assertThat(transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "户籍迁移")).status())
                .isEqualTo(TransferStatus.IN_PROGRESS);
    }

    @Test
    void r4_a_transfer_past_its_validity_expires_and_cannot_be_accepted() {
        Transfer t = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "工作调动"));
        jdbc.sql("update member_transfer set valid_until = ? where id = ?")
                .params(LocalDate.now().minusDays(1), t.id()).update();
        assertThatThrownBy(() -> transfers.approve(adminA, t.id(), null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("已超过有效期");
        assertThat(transfers.get(adminA, t.id()).status()).isEqualTo(TransferStatus.EXPIRED);

        Transfer second = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "工作调动"));
        jdbc.sql("update member_transfer set valid_until = ? where id = ?")
                .params(LocalDate.now().minusDays(1), second.id()).update();
        assertThat(transfers.expireOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(transfers.get(SYSTEM, second.id()).status()).isEqualTo(TransferStatus.EXPIRED);
        // the last day of validity still counts, and is reminded
        Transfer third = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "工作调动"));
        assertThat(transfers.reminders(adminA, committeeA.id(), 10)).isEmpty();
        jdbc.sql("update member_transfer set valid_until = ? where id = ?").params(LocalDate.now(), third.id()).update();
        assertThat(transfers.reminders(adminA, committeeA.id(), 10)).singleElement()
                .satisfies(r -> assertThat(r.rule()).isEqualTo("R4"));
        assertThat(transfers.approve(adminA, third.id(), null).status()).isEqualTo(TransferStatus.IN_PROGRESS);
    }

    @Test
    void one_transfer_at_a_time_and_no_status_change_or_move_while_it_runs() {
        Transfer t = transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "工作调动"));
        assertThatThrownBy(() -> transfers.start(secretaryA, member.id(), new TransferRequest(branchB.id(), "再次")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已有正在办理");
        assertThatThrownBy(() -> membership.change(secretaryA, member.id(),
                new StatusChange(StatusChangeKind.WITHDRAW, LocalDate.now(), "本人申请", null, "转出党委")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("正在办理组织关系转接");
        assertThatThrownBy(() -> members.delete(secretaryA, member.id())).isInstanceOf(InvalidInputException.class);
        // Only the sending side withdraws.
        assertThatThrownBy(() -> transfers.cancel(secretaryB, t.id())).isInstanceOf(ForbiddenException.class);
        assertThat(transfers.cancel(secretaryA, t.id()).status()).isEqualTo(TransferStatus.CANCELLED);
    }

    @Test
    void bad_requests_name_the_field() {
        assertThatThrownBy(() -> transfers.start(secretaryA, member.id(), new TransferRequest(null, null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKeys("toOrgId", "reason"));
        assertThatThrownBy(() -> transfers.start(secretaryA, member.id(), new TransferRequest(committeeB.id(), "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("党支部或党小组");
        assertThatThrownBy(() -> transfers.start(secretaryA, member.id(), new TransferRequest(branchA.id(), "x")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("相同");
        assertThatThrownBy(() -> transfers.start(secretaryB, member.id(), new TransferRequest(branchB.id(), "x")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_chain_is_configurable_and_always_ends_with_the_receiving_organization() {
        assertThat(TransferService.chainOf("")).containsExactly(TransferStep.RECEIVING_ORG);
        assertThat(TransferService.chainOf("RECEIVING_COMMITTEE, RECEIVING_ORG"))
                .containsExactly(TransferStep.RECEIVING_COMMITTEE, TransferStep.RECEIVING_ORG);
    }
}
