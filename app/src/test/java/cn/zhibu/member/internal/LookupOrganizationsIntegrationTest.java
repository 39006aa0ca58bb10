package cn.zhibu.member.internal;

import cn.zhibu.member.MemberSearch;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.TreePath;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search by lookup key finds the same members whether its organizations are named one by one (few) or joined
 * (many), and in neither way one outside the caller's scope or the subtree searched.
 */
@IntegrationTest
class LookupOrganizationsIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberRepository repository;
    @Autowired JdbcClient jdbc;

    Organization countyA;
    Organization branchA1;

    @BeforeEach
    void twoCounties() {
        countyA = data.committee("诸葛甲县委");
        branchA1 = data.org(countyA.id(), "诸葛甲一支部", OrganizationType.BRANCH);
        Organization branchA2 = data.org(countyA.id(), "诸葛甲二支部", OrganizationType.BRANCH);
        Organization branchB = data.org(data.committee("诸葛乙县委").id(), "诸葛乙支部", OrganizationType.BRANCH);
        data.member(branchA1.id(), "诸葛明", MemberStatus.FULL);
        data.member(branchA2.id(), "诸葛亮", MemberStatus.FULL);
        data.member(branchB.id(), "诸葛云", MemberStatus.FULL);
    }

    @Test
    void named_or_joined_the_organizations_give_the_same_members_and_none_outside_the_scope() {
        DataScope secretaryOfA = new DataScope(171, "诸葛甲书记", false, List.of(), List.of(countyA.path()), null, null,
                false);
        assertThat(bothWays(secretaryOfA, null)).containsExactlyInAnyOrder("诸葛明", "诸葛亮");
        assertThat(bothWays(secretaryOfA, branchA1.path())).containsExactly("诸葛明");
        assertThat(bothWays(SYSTEM, countyA.path())).containsExactlyInAnyOrder("诸葛明", "诸葛亮");
        DataScope nobody = new DataScope(172, "无辖区", false, List.of(), List.of(TreePath.root(999_999_999L)), null,
                null, false);
        assertThat(bothWays(nobody, null)).isEmpty();
    }

    /** The names found with the organizations named (cap 4,000) and joined (cap 1): asserted equal. */
    private List<String> bothWays(DataScope scope, TreePath subtree) {
        List<String> named = names(scope, subtree, new LookupOrganizations(jdbc, scope, subtree, 4_000));
        List<String> joined = names(scope, subtree, new LookupOrganizations(jdbc, scope, subtree, 1));
        assertThat(joined).isEqualTo(named);
        return named;
    }

    private List<String> names(DataScope scope, TreePath subtree, LookupOrganizations organizations) {
        MemberSearch search = MemberSearch.of(null, "zg");
        MemberQuery query = MemberQuery.of(search, MemberQuery.Kind.INITIALS, null);
        List<String> found = repository.search(scope, subtree, query, search, organizations).stream()
                .map(MemberRow::name).toList();
        assertThat(repository.count(scope, subtree, query, 1_000, organizations)).isEqualTo(found.size());
        return found;
    }
}
