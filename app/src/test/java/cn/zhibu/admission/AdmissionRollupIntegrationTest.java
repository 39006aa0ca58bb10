package cn.zhibu.admission;

import cn.zhibu.admission.internal.AdmissionRecords;
import cn.zhibu.member.Education;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.NotFoundException;
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

/** The S1 development figures kept per organization equal a fresh count after every kind of change. */
@IntegrationTest
class AdmissionRollupIntegrationTest {

    static final LocalDate APPLIED = LocalDate.of(2023, 2, 1);

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired CaseMoves caseMoves;
    @Autowired OrganizationService organizations;
    @Autowired RollupAudit rollups;
    @Autowired AdmissionRecords records;

    private AdmissionCase apply(Organization branch, String name) {
        return admission.apply(SYSTEM, new ApplicationForm(branch.id(), name, TestData.idNumber(LocalDate.of(1998, 1, 9),
                true), "汉族", Education.BACHELOR, Occupation.WORKER, null, null, APPLIED));
    }

    @Test
    void figures_follow_applications_steps_closing_case_moves_and_organization_moves() {
        Organization committeeA = data.committee("汇总测试甲党委");
        Organization committeeB = data.committee("汇总测试乙党委");
        Organization branchA = data.org(committeeA.id(), "汇总测试甲支部", OrganizationType.BRANCH);
        Organization branchB = data.org(committeeB.id(), "汇总测试乙支部", OrganizationType.BRANCH);
        List<Long> full = List.of(data.member(branchA.id(), "汇总甲一", MemberStatus.FULL).id(),
                data.member(branchA.id(), "汇总甲二", MemberStatus.FULL).id());

        AdmissionCase kept = apply(branchA, "申请一");
        AdmissionCase closed = apply(branchA, "申请二");
        AdmissionCase moved = apply(branchA, "申请三");
        assertThat(rollups.admissionMismatches()).isEmpty();
        assertThat(admission.counts(SYSTEM, committeeA.id(), 2026).at(AdmissionStage.APPLICANT)).isEqualTo(3);

        admission.close(SYSTEM, closed.id(), APPLIED.plusDays(5), "本人撤回");
        caseMoves.move(SYSTEM, moved.id(), branchB.id(), "工作调动");
        assertThat(rollups.admissionMismatches()).isEmpty();
        assertThat(admission.counts(SYSTEM, committeeB.id(), 2026).at(AdmissionStage.APPLICANT)).isEqualTo(1);

        LocalDate meeting = LocalDate.of(2024, 6, 3);
        new CaseWalker(admission, kept.id(), APPLIED).activist(full).approved(full, 2, meeting);
        assertThat(rollups.admissionMismatches()).isEmpty();
        PipelineCounts a = admission.counts(SYSTEM, committeeA.id(), 2024);
        assertThat(a.at(AdmissionStage.PROBATIONARY)).isEqualTo(1);
        assertThat(a.at(AdmissionStage.CLOSED)).isEqualTo(1);
        assertThat(a.admittedInYear()).isEqualTo(1);

        // the branch with its cases moves under the other committee
        organizations.move(SYSTEM, branchA.id(), committeeB.id());
        assertThat(rollups.admissionMismatches()).isEmpty();
        assertThat(admission.counts(SYSTEM, committeeA.id(), 2024).admittedInYear()).isZero();
        assertThat(admission.counts(SYSTEM, committeeB.id(), 2024).admittedInYear()).isEqualTo(1);
        assertThat(admission.counts(SYSTEM, committeeB.id(), 2024).at(AdmissionStage.APPLICANT)).isEqualTo(1);

        // the cases name their branch and carry no path (V61): the move rewrote none, and they are found at its new
        // place — in the other committee's pipeline and scope, no longer in the old one's
        assertThat(admission.pipeline(SYSTEM, committeeB.id(), null, null, 0).cases()).extracting(CaseSummary::id)
                .containsExactlyInAnyOrder(kept.id(), moved.id());
        assertThat(admission.pipeline(SYSTEM, committeeA.id(), null, null, 0).cases()).isEmpty();
        DataScope secretaryOfA = new DataScope(6_000_000 + committeeA.id(), "汇总甲书记", false, List.of(),
                List.of(committeeA.path()), null, null, false);
        assertThatThrownBy(() -> admission.get(secretaryOfA, kept.id())).isInstanceOf(NotFoundException.class);
        assertThat(admission.get(SYSTEM, kept.id()).orgPath()).startsWith(organizations.get(SYSTEM, committeeB.id())
                .path().value());
        // the two committees are roots of their own: the move changed the root, and the case took the new one
        assertThat(records.find(kept.id()).orElseThrow().rootId()).isEqualTo(committeeB.id());
    }
}
