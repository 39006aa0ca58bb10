package cn.zhibu.member;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.NotFoundException;
import cn.zhibu.statistics.StatisticsService;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.RollupAudit;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R1 with organizations off the platform: out by letter and 回执, in by the paper letter. */
@IntegrationTest
class OffPlatformTransferIntegrationTest {

    @Autowired TestData data;
    @Autowired TransferService transfers;
    @Autowired TransferLetters letters;
    @Autowired MemberService members;
    @Autowired MembershipService membership;
    @Autowired StatisticsService statistics;
    @Autowired RollupAudit rollups;

    @Test
    void r1_an_outbound_member_stays_until_the_receipt_then_leaves_the_registry_with_the_history() throws Exception {
        Organization committee = data.committee("转出外部党委");
        Organization branch = data.org(committee.id(), "转出外部支部", OrganizationType.BRANCH);
        Member m = data.member(branch.id(), "转出外部党员", MemberStatus.FULL);
        DataScope secretary = new DataScope(81, "转出书记", false, List.of(), List.of(branch.path()), null, null, false);

        assertThatThrownBy(() -> transfers.startOutbound(secretary, m.id(), new OutboundRequest(" ", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKeys("externalOrg", "reason"));
        Transfer t = transfers.startOutbound(secretary, m.id(), new OutboundRequest("外省某市某局机关党委", "工作调动"));
        assertThat(t.kind()).isEqualTo(TransferKind.OUTBOUND);
        assertThat(t.chain()).containsExactly(TransferStep.SENDING_COMMITTEE, TransferStep.RECEIPT);
        assertThat(t.toOrgName()).isEqualTo("外省某市某局机关党委");
        assertThat(letters.pdf(secretary, t.id())).isNotEmpty();

        transfers.approve(SYSTEM, t.id(), "同意");
        assertThat(statistics.dashboard(SYSTEM, branch.id()).members().total()).isEqualTo(1);
        Transfer done = transfers.approve(secretary, t.id(), "回执已收到");
        assertThat(done.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThatThrownBy(() -> members.get(SYSTEM, m.id())).isInstanceOf(NotFoundException.class);
        assertThat(membership.getArchived(SYSTEM, m.id()).status()).isEqualTo(ArchiveStatus.TRANSFERRED_OUT);
        assertThat(membership.history(SYSTEM, m.id())).singleElement()
                .satisfies(e -> assertThat(e.kind()).isEqualTo(StatusChangeKind.TRANSFER_OUT));
        assertThat(statistics.dashboard(SYSTEM, branch.id()).members().total()).isZero();
        assertThat(rollups.memberMismatches()).isEmpty();
        assertThat(StatusChangeKind.applicableTo("FULL")).doesNotContain(StatusChangeKind.TRANSFER_OUT);
    }

    @Test
    void r1_an_inbound_member_is_registered_with_the_paper_letter_recorded() {
        Organization branch = data.org(data.committee("转入外部党委").id(), "转入外部支部", OrganizationType.BRANCH);
        MemberForm form = TestData.form(branch.id(), "外部转入", true, LocalDate.of(1990, 2, 2), MemberStatus.FULL);
        assertThatThrownBy(() -> transfers.registerInbound(SYSTEM, form, new InboundLetter("", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKeys("fromOrg", "letterNo"));
        Transfer t = transfers.registerInbound(SYSTEM, form, new InboundLetter("外省某县某镇党委", "外组字2026第88号"));
        assertThat(t.kind()).isEqualTo(TransferKind.INBOUND);
        assertThat(t.status()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(t.fromOrgName()).isEqualTo("外省某县某镇党委");
        assertThat(t.paperLetterNo()).isEqualTo("外组字2026第88号");
        assertThat(members.get(SYSTEM, t.memberId()).orgId()).isEqualTo(branch.id());
        DataScope receiving = new DataScope(82, "转入书记", false, List.of(), List.of(branch.path()), null, null, false);
        assertThat(transfers.list(receiving, false, null, 0, 20).items()).extracting(Transfer::id).contains(t.id());
        assertThatThrownBy(() -> letters.pdf(SYSTEM, t.id())).isInstanceOf(InvalidInputException.class);
        assertThat(rollups.memberMismatches()).isEmpty();
    }
}
