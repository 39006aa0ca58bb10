package cn.zhibu.dues;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's bills of a subtree: by organization (its path) and member across pages, the subtree's alone, and the
 * total counted to 10,001 at most (a province's month is millions of bills). Bills are written directly (for a month
 * long past): the list reads what is there, however it was made.
 */
@IntegrationTest
class DuesBillListIntegrationTest {

    @Autowired TestData data;
    @Autowired DuesBills bills;
    @Autowired JdbcClient jdbc;

    private void bill(long memberId, YearMonth month, Organization org, String status) {
        jdbc.sql("insert into dues_bill (member_id, month, org_id, root_id, amount, status) values (?, ?, ?, ?, 10, ?)")
                .params(memberId, month.atDay(1), org.id(), org.rootId(), status).update();
    }

    /** A committee with two branches and the order its bills are listed in. */
    private record Tree(Organization committee, Organization first, Organization second, List<Long> expected) {
    }

    /**
     * Bills of {@code status} for members placed alternately in the committee's branches (second first when
     * {@code secondFirst}), one bill of the same status elsewhere; {@code expected}: the committee's, by path and id.
     */
    private Tree billed(String label, List<String> names, YearMonth month, String status, boolean secondFirst) {
        long suffix = System.nanoTime() % 1_000_000;
        Organization committee = data.committee(label + "党委" + suffix);
        Organization first = data.org(committee.id(), label + "甲支部", OrganizationType.BRANCH);
        Organization second = data.org(committee.id(), label + "乙支部", OrganizationType.BRANCH);
        Organization elsewhere = data.org(data.committee(label + "别处党委" + suffix).id(), label + "别处支部",
                OrganizationType.BRANCH);
        record Placed(long memberId, String path) {
        }
        List<Placed> placed = new ArrayList<>();
        for (String name : names) {
            Organization branch = (placed.size() % 2 == 0) == secondFirst ? second : first;
            Member m = data.member(branch.id(), name, MemberStatus.FULL);
            bill(m.id(), month, branch, status);
            placed.add(new Placed(m.id(), branch.path().value()));
        }
        bill(data.member(elsewhere.id(), "别处党员", MemberStatus.FULL).id(), month, elsewhere, status);
        List<Long> expected = placed.stream()
                .sorted(Comparator.comparing(Placed::path).thenComparing(Placed::memberId))
                .map(Placed::memberId).toList();
        return new Tree(committee, first, second, expected);
    }

    @Test
    void pages_follow_organization_and_member_and_the_total_is_exact_up_to_the_cap() {
        YearMonth month = YearMonth.of(2001, 1);
        Tree tree = billed("账单列表", List.of("账单甲", "账单乙", "账单丙", "账单丁", "账单戊"), month, "OPEN", false);
        Organization committee = tree.committee();
        Organization first = tree.first();
        Organization second = tree.second();
        List<Long> expected = tree.expected();
        long voided = data.member(second.id(), "作废账单党员", MemberStatus.FULL).id();
        bill(voided, month, second, "VOID");

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            DuesBills.DuesBillPage p = bills.list(SYSTEM, committee.id(), month, BillStatus.OPEN, page, 2);
            assertThat(p.total()).isEqualTo(5);
            assertThat(p.totalExact()).isTrue();
            p.bills().forEach(b -> {
                seen.add(b.memberId());
                assertThat(p.orgNames()).containsEntry(b.orgId(), b.orgId() == first.id() ? first.name() : second.name());
            });
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(bills.list(SYSTEM, committee.id(), month, null, 0, 20).total()).isEqualTo(6);
        assertThat(bills.list(SYSTEM, committee.id(), month, BillStatus.VOID, 0, 20).bills())
                .extracting(DuesBill::memberId).containsExactly(voided);
        assertThat(bills.list(SYSTEM, first.id(), month, null, 0, 20).total()).isEqualTo(3);

        // 10,001 bills of members that do not exist, numbered just above every member's id and removed at once: a
        // backlog queued meanwhile (its range ends at the highest member id billed) grows by one slice at most
        YearMonth busy = YearMonth.of(2001, 2);
        long base = jdbc.sql("select greatest((select max(id) from member), (select max(member_id) from dues_bill)) + 1")
                .query(Long.class).single();
        try {
            jdbc.sql("""
                            insert into dues_bill (member_id, month, org_id, root_id, amount, status)
                            select ? + n, ?, ?, ?, 10, 'OPEN' from generate_series(0, 10000) n""")
                    .params(base, busy.atDay(1), second.id(), second.rootId()).update();
            DuesBills.DuesBillPage capped = bills.list(SYSTEM, committee.id(), busy, null, 0, 20);
            assertThat(capped.total()).isEqualTo(10_001);
            assertThat(capped.totalExact()).isFalse();
            assertThat(capped.bills()).extracting(DuesBill::memberId).startsWith(base, base + 1, base + 2);
            jdbc.sql("delete from dues_bill where member_id >= ? and month = ?").params(base + 1, busy.atDay(1)).update();
            assertThat(bills.list(SYSTEM, committee.id(), busy, null, 0, 20).totalExact()).isTrue();
        } finally {
            jdbc.sql("delete from dues_bill where member_id >= ? and month = ?").params(base, busy.atDay(1)).update();
        }
    }

    @Test
    void paid_bills_few_in_the_month_are_found_first_yet_paged_by_organization_and_member() {
        YearMonth month = YearMonth.of(2001, 3);
        Tree tree = billed("已交账单", List.of("已交甲", "已交乙", "已交丙", "已交丁"), month, "PAID", true);
        Organization committee = tree.committee();
        bill(data.member(tree.first().id(), "未交党员", MemberStatus.FULL).id(), month, tree.first(), "OPEN");

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            DuesBills.DuesBillPage p = bills.list(SYSTEM, committee.id(), month, BillStatus.PAID, page, 3);
            assertThat(p.total()).isEqualTo(4);
            p.bills().forEach(b -> {
                assertThat(b.status()).isEqualTo(BillStatus.PAID);
                seen.add(b.memberId());
            });
        }
        assertThat(seen).containsExactlyElementsOf(tree.expected());
        // the second branch's own two (placed first and third), by member
        List<DuesBill> secondsOwn = bills.list(SYSTEM, tree.second().id(), month, BillStatus.PAID, 0, 20).bills();
        assertThat(secondsOwn).hasSize(2).allMatch(b -> b.orgId() == tree.second().id());
        assertThat(secondsOwn).extracting(DuesBill::memberId).isSorted();
        assertThat(bills.list(SYSTEM, committee.id(), month, BillStatus.WAIVED, 0, 20).bills()).isEmpty();
    }
}
