package cn.zhibu.admission.internal;

import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.AdmissionStage;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.member.Education;
import cn.zhibu.member.Occupation;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.Paging;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subtree's 发展党员 cases — the inbox's due ones, nearest deadline first, and the pipeline's pages — are the same
 * whether read organization by organization (a subtree of few open cases) or by walking the province's cases in order
 * (many): only its own cases, in order, up to the limit. Cases carry no path (V61): these readings find them through
 * their organizations.
 */
@IntegrationTest
class DueCasesIntegrationTest {

    @Autowired TestData data;
    @Autowired AdmissionService admission;
    @Autowired AdmissionRecords records;

    /** The two readings a caller chooses between ({@link AdmissionRecords#readByOrganization}). */
    private static final boolean BY_ORGANIZATION = true;
    private static final boolean WALKED = false;

    @Test
    void a_small_and_a_large_subtree_give_the_same_cases_in_deadline_order() {
        Tree tree = tree("到期");
        Organization committee = tree.committee();
        Organization branchA = tree.branchA();
        Organization branchB = tree.branchB();
        Organization elsewhere = tree.elsewhere();
        LocalDate applied = LocalDate.now().minusMonths(3);
        List<Long> inside = new ArrayList<>();
        String names = "甲乙丙丁戊";
        for (int i = 0; i < 5; i++) {
            Organization branch = i % 2 == 0 ? branchA : branchB;
            inside.add(apply(branch, "到期申请人" + names.charAt(i), applied.minusDays(10 - i)));
            apply(elsewhere, "别处申请人" + names.charAt(i), applied.minusDays(20 - i)); // earlier deadlines, outside the subtree
        }
        LocalDate until = LocalDate.now().plusDays(30);

        List<Long> small = ids(records.dueBy(TestData.SYSTEM, committee.path(), until, 4, BY_ORGANIZATION));
        List<Long> large = ids(records.dueBy(TestData.SYSTEM, committee.path(), until, 4, WALKED));

        assertThat(small).containsExactlyElementsOf(inside.subList(0, 4));
        assertThat(large).containsExactlyElementsOf(small);
        assertThat(ids(records.dueBy(TestData.SYSTEM, branchB.path(), until, 10, WALKED)))
                .containsExactly(inside.get(1), inside.get(3));
        assertThat(ids(records.dueBy(TestData.SYSTEM, branchB.path(), until, 10, BY_ORGANIZATION)))
                .containsExactly(inside.get(1), inside.get(3));
        assertThat(records.dueBy(TestData.SYSTEM, committee.path(), applied.minusYears(1), 10, BY_ORGANIZATION))
                .isEmpty();
        // the caller's whole scope (the to-do page): a secretary of the committee sees its cases only
        DataScope secretary = managing(committee);
        assertThat(ids(records.dueBy(secretary, null, until, 10, BY_ORGANIZATION))).containsExactlyElementsOf(inside);
        assertThat(ids(records.dueBy(secretary, null, until, 10, WALKED))).containsExactlyElementsOf(inside);
    }

    @Test
    void the_pipelines_pages_and_counts_are_the_same_read_by_organization_or_walked() {
        Tree tree = tree("流程");
        List<Long> inside = new ArrayList<>();
        LocalDate applied = LocalDate.now().minusMonths(2);
        for (int i = 0; i < 5; i++) {
            inside.add(apply(i % 2 == 0 ? tree.branchA() : tree.branchB(), "流程申请人" + "甲乙丙丁戊".charAt(i), applied.minusDays(i)));
            apply(tree.elsewhere(), "流程别处人" + "甲乙丙丁戊".charAt(i), applied.minusDays(10 + i));
        }

        for (int page = 0; page < 3; page++) {
            Paging paging = Paging.of(page, 2);
            List<Long> byOrganization = ids(records.page(TestData.SYSTEM, tree.committee().path(), null, null, paging,
                    BY_ORGANIZATION));
            assertThat(ids(records.page(TestData.SYSTEM, tree.committee().path(), null, null, paging, WALKED)))
                    .as("page %d", page).containsExactlyElementsOf(byOrganization);
            assertThat(byOrganization).isSubsetOf(inside).hasSize(page < 2 ? 2 : 1);
        }
        assertThat(ids(records.page(TestData.SYSTEM, tree.committee().path(), AdmissionStage.APPLICANT, null,
                Paging.of(0, 10), BY_ORGANIZATION))).containsExactlyInAnyOrderElementsOf(inside);
        assertThat(ids(records.page(TestData.SYSTEM, tree.branchA().path(), null, "流程申请人甲", Paging.of(0, 10), WALKED)))
                .containsExactly(inside.get(0));
        for (boolean reading : new boolean[] {BY_ORGANIZATION, WALKED}) {
            assertThat(records.count(TestData.SYSTEM, tree.committee().path(), null, "流程", 100, reading)).isEqualTo(5);
            assertThat(records.count(TestData.SYSTEM, tree.committee().path(), null, "流程", 3, reading)).isEqualTo(3);
            assertThat(records.count(managing(tree.branchB()), tree.committee().path(), null, "流程", 100, reading))
                    .as("only what the caller manages").isEqualTo(2);
        }
    }

    private long apply(Organization branch, String name, LocalDate appliedOn) {
        return admission.apply(TestData.SYSTEM, new ApplicationForm(branch.id(), name,
                TestData.idNumber(LocalDate.of(1995, 3, 3), false), "汉族", Education.BACHELOR, Occupation.PROFESSIONAL,
                "某某公司", "13800001111", appliedOn)).id();
    }

    /** A committee with two branches, and a branch under another committee. */
    private record Tree(Organization committee, Organization branchA, Organization branchB, Organization elsewhere) {
    }

    private Tree tree(String name) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization committee = data.committee(name + "党委" + suffix);
        return new Tree(committee, data.org(committee.id(), name + "甲支部", OrganizationType.BRANCH),
                data.org(committee.id(), name + "乙支部", OrganizationType.BRANCH),
                data.org(data.committee(name + "别处党委" + suffix).id(), name + "别处支部", OrganizationType.BRANCH));
    }

    /** A secretary managing the members (and cases) of this subtree only. */
    private static DataScope managing(Organization org) {
        return new DataScope(7_000_000 + org.id(), "流程书记", false, List.of(), List.of(org.path()), null, null, false);
    }

    private static List<Long> ids(List<CaseRow> rows) {
        return rows.stream().map(CaseRow::id).toList();
    }
}
