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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search of member_lookup finds the same members whether its organizations are hashed (few), joined
 * (many) or given by their tree (a whole province), and in no way one outside the caller's scope or the subtree
 * searched.
 */
@IntegrationTest
class LookupOrganizationsIntegrationTest {

    @Autowired TestData data;
    @Autowired MemberRepository repository;

    Organization province;
    Organization countyA;
    Organization branchA1;

    @BeforeEach
    void twoCounties() {
        province = data.committee("诸葛省委");
        countyA = data.org(province.id(), "诸葛甲县委", OrganizationType.BASE_COMMITTEE);
        branchA1 = data.org(countyA.id(), "诸葛甲一支部", OrganizationType.BRANCH);
        Organization branchA2 = data.org(countyA.id(), "诸葛甲二支部", OrganizationType.BRANCH);
        Organization countyB = data.org(province.id(), "诸葛乙县委", OrganizationType.BASE_COMMITTEE);
        Organization branchB = data.org(countyB.id(), "诸葛乙支部", OrganizationType.BRANCH);
        data.member(branchA1.id(), "诸葛明", MemberStatus.FULL);
        data.member(branchA2.id(), "诸葛亮", MemberStatus.FULL);
        data.member(branchB.id(), "诸葛云", MemberStatus.FULL);
    }

    @Test
    void hashed_joined_or_by_tree_the_search_finds_the_same_members_and_none_outside_the_scope() {
        DataScope secretaryOfA = scope(171, countyA.path());
        assertThat(everyWay(secretaryOfA, null, "zg")).containsExactlyInAnyOrder("诸葛明", "诸葛亮");
        assertThat(everyWay(secretaryOfA, null, "")).containsExactlyInAnyOrder("诸葛明", "诸葛亮");
        assertThat(everyWay(secretaryOfA, branchA1.path(), "zg")).containsExactly("诸葛明");
        assertThat(everyWay(SYSTEM, countyA.path(), "zhuge")).containsExactlyInAnyOrder("诸葛明", "诸葛亮");
        // the whole tree: by its id, no organization read
        assertThat(everyWay(scope(172, province.path()), null, "zg"))
                .containsExactlyInAnyOrder("诸葛明", "诸葛亮", "诸葛云");
        assertThat(everyWay(SYSTEM, province.path(), "")).containsExactlyInAnyOrder("诸葛明", "诸葛亮", "诸葛云");
        assertThat(everyWay(scope(173, TreePath.root(999_999_999L)), null, "zg")).isEmpty();
        assertThat(everyWay(scope(174, countyA.path(), TreePath.root(999_999_999L)), null, "zg"))
                .containsExactlyInAnyOrder("诸葛明", "诸葛亮");
    }

    /**
     * A county's pages by initials, read organization by organization (V60), follow one another by keyset in the same
     * order as the hashed walk's: every member once, none from outside the county.
     */
    @Test
    void pages_by_initials_looked_up_by_organization_follow_the_hashed_walks_order_by_keyset() {
        for (String name : List.of("诸葛丹", "诸葛果", "诸葛瞻", "诸葛恪", "诸葛乔")) {
            data.member((name.hashCode() & 1) == 0 ? branchA1.id() : data.org(countyA.id(), name + "支部",
                    OrganizationType.BRANCH).id(), name, MemberStatus.FULL);
        }
        DataScope county = scope(176, countyA.path());
        List<String> hashed = allPages(county, new LookupOrganizations(county, null, orgs -> 1, orgs -> 1_000_000));
        List<String> byOrganization = allPages(county,
                new LookupOrganizations(county, null, orgs -> 2_700, orgs -> 36_000));
        assertThat(hashed).hasSize(7).doesNotContain("诸葛云");
        assertThat(byOrganization).isEqualTo(hashed);
    }

    /** Every page of "zg" two rows at a time, following the cursors. */
    private List<String> allPages(DataScope scope, LookupOrganizations organizations) {
        MemberSearch search = new MemberSearch(null, "zg", null, null, null, null, null, null, 0, 2, null);
        List<String> names = new ArrayList<>();
        for (int pages = 0; pages < 10; pages++) {
            MemberQuery query = MemberQuery.of(search, MemberQuery.Kind.INITIALS, null);
            List<MemberRow> page = repository.search(scope, null, query, search, organizations);
            page.forEach(row -> names.add(row.name()));
            String next = MemberRepository.nextCursor(query, page, 2);
            if (next == null) {
                return names;
            }
            search = search.withCursor(next);
        }
        throw new AssertionError("more than ten pages of seven members: the cursor did not advance");
    }

    private static DataScope scope(long actor, TreePath... paths) {
        return new DataScope(actor, "诸葛书记", false, List.of(), List.of(paths), null, null, false);
    }

    /**
     * The names found with the organizations hashed, joined (beyond any hash), the page joined with its count hashed
     * (a city's size) and, at a county's size, the page by name hashed and by initials, page and count, looked up
     * per organization: asserted equal, the counts too.
     */
    private List<String> everyWay(DataScope scope, TreePath subtree, String text) {
        List<String> hashed = names(scope, subtree, text, new LookupOrganizations(scope, subtree, orgs -> 1, orgs -> 1_000_000));
        List<String> joined = names(scope, subtree, text, new LookupOrganizations(scope, subtree, orgs -> 1_000_000, orgs -> 1_000_000));
        List<String> cityLike = names(scope, subtree, text, new LookupOrganizations(scope, subtree, orgs -> 25_000, orgs -> 1_000_000));
        List<String> countyLike = names(scope, subtree, text, new LookupOrganizations(scope, subtree, orgs -> 2_700, orgs -> 36_000));
        assertThat(joined).isEqualTo(hashed);
        assertThat(cityLike).isEqualTo(hashed);
        assertThat(countyLike).isEqualTo(hashed);
        return hashed;
    }

    @Test
    void a_county_is_hashed_for_its_pages_by_name_looked_up_by_organization_by_initials_a_city_hashed_to_count() {
        DataScope county = scope(175, countyA.path());
        // readings: page, page by initials, count, count by initials, one key
        assertThat(waysFor(county, 2_300, 36_000)).containsExactly("hashed", "among", "hashed", "among", "joined");
        assertThat(waysFor(county, 25_000, 364_000)).containsExactly("joined", "joined", "hashed", "hashed", "joined");
        assertThat(waysFor(county, 40_001, 364_000)).containsExactly("joined", "joined", "joined", "joined", "joined");
        // a base committee: its organizations' own index finds its few members
        assertThat(waysFor(county, 12, 9_999)).containsExactly("joined", "joined", "joined", "joined", "joined");
        assertThat(waysFor(county, 4_000, 10_000)).containsExactly("hashed", "among", "hashed", "among", "joined");
    }

    /** How the page, the counts and a key's reading find the organizations, for a subtree of these sizes. */
    private static List<String> waysFor(DataScope scope, long organizations, long members) {
        LookupOrganizations lookup = new LookupOrganizations(scope, null, orgs -> organizations, orgs -> members);
        return Arrays.stream(LookupOrganizations.Reading.values()).map(reading -> {
            String condition = lookup.condition(new HashMap<>(), reading);
            boolean idsJoined = lookup.table(new HashMap<>(), reading).contains("join member_lookup l on l.org_id");
            return condition.endsWith(" is true") ? "hashed" : idsJoined ? "among" : "joined";
        }).toList();
    }

    private List<String> names(DataScope scope, TreePath subtree, String text, LookupOrganizations organizations) {
        MemberSearch search = MemberSearch.of(null, text);
        MemberQuery query = MemberQuery.of(search, MemberQuery.kindOf(text, false), null);
        List<String> found = repository.search(scope, subtree, query, search, organizations).stream()
                .map(MemberRow::name).toList();
        assertThat(repository.count(scope, subtree, query, 1_000, organizations)).isEqualTo(found.size());
        return found;
    }
}
