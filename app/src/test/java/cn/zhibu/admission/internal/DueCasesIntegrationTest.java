package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's due 发展党员 cases of a subtree, nearest deadline first, are the same whether the subtree is read by its
 * own index range (few cases) or walked in deadline order (many): only its own cases, in order, up to the limit.
 */
@IntegrationTest
class DueCasesIntegrationTest {

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired AdmissionRecords records;

    @Test
    void a_small_and_a_large_subtree_give_the_same_cases_in_deadline_order() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee("到期党委" + suffix);
        Organization branchA = data.org(committee.id(), "到期甲支部", OrganizationType.BRANCH);
        Organization branchB = data.org(committee.id(), "到期乙支部", OrganizationType.BRANCH);
        Organization elsewhere = data.org(data.committee("别处党委" + suffix).id(), "别处支部", OrganizationType.BRANCH);
        LocalDate applied = LocalDate.now().minusMonths(3);
        List<Long> inside = new ArrayList<>();
        String names = "甲乙丙丁戊";
        for (int i = 0; i < 5; i++) {
            Organization branch = i % 2 == 0 ? branchA : branchB;
            inside.add(apply(branch, "到期申请人" + names.charAt(i), applied.minusDays(10 - i)));
            apply(elsewhere, "别处申请人" + names.charAt(i), applied.minusDays(20 - i)); // earlier deadlines, outside the subtree
        }
        LocalDate until = LocalDate.now().plusDays(30);

        List<Long> small = ids(records.dueBy(TestData.SYSTEM, committee.path(), until, 4, 100));
        List<Long> large = ids(records.dueBy(TestData.SYSTEM, committee.path(), until, 4, 2));

        assertThat(small).containsExactlyElementsOf(inside.subList(0, 4));
        assertThat(large).containsExactlyElementsOf(small);
        assertThat(ids(records.dueBy(TestData.SYSTEM, branchB.path(), until, 10, 1)))
                .containsExactly(inside.get(1), inside.get(3));
        assertThat(records.dueBy(TestData.SYSTEM, committee.path(), applied.minusYears(1), 10, 100)).isEmpty();
    }

    private long apply(Organization branch, String name, LocalDate appliedOn) {
        return admission.apply(TestData.SYSTEM, new ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(1995, 3, 3), false), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL,
                "某某公司", "13800001111", appliedOn)).id();
    }

    private static List<Long> ids(List<CaseRow> rows) {
        return rows.stream().map(CaseRow::id).toList();
    }
}
