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

    @Test
    void pages_follow_organization_and_member_and_the_total_is_exact_up_to_the_cap() {
        long suffix = System.nanoTime() % 1_000_000;
        Organization committee = data.committee("账单列表党委" + suffix);
        Organization first = data.org(committee.id(), "账单列表甲支部", OrganizationType.BRANCH);
        Organization second = data.org(committee.id(), "账单列表乙支部", OrganizationType.BRANCH);
        Organization elsewhere = data.org(data.committee("账单列表别处党委" + suffix).id(), "别处支部",
                OrganizationType.BRANCH);
        YearMonth month = YearMonth.of(2001, 1);
        record Expected(long memberId, String path) {
        }
        List<Expected> placed = new ArrayList<>();
        List<String> names = List.of("账单甲", "账单乙", "账单丙", "账单丁", "账单戊");
        for (Organization branch : List.of(first, second, first, second, first)) {
            Member m = data.member(branch.id(), names.get(placed.size()), MemberStatus.FULL);
            bill(m.id(), month, branch, "OPEN");
            placed.add(new Expected(m.id(), branch.path().value()));
        }
        List<Long> expected = placed.stream()
                .sorted(Comparator.comparing(Expected::path).thenComparing(Expected::memberId))
                .map(Expected::memberId).toList();
        bill(data.member(elsewhere.id(), "别处党员", MemberStatus.FULL).id(), month, elsewhere, "OPEN");
        long voided = data.member(second.id(), "作废账单党员", MemberStatus.FULL).id();
        bill(voided, month, second, "VOID");

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            DuesBills.DuesBillPage p = bills.list(SYSTEM, committee.id(), month, BillStatus.OPEN, page, 2);
            assertThat(p.total()).isEqualTo(5);
            assertThat(p.totalExact()).isTrue();
            p.bills().forEach(b -> seen.add(b.memberId()));
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
        long suffix = System.nanoTime() % 1_000_000;
        Organization committee = data.committee("已交账单党委" + suffix);
        Organization first = data.org(committee.id(), "已交甲支部", OrganizationType.BRANCH);
        Organization second = data.org(committee.id(), "已交乙支部", OrganizationType.BRANCH);
        Organization elsewhere = data.org(data.committee("已交别处党委" + suffix).id(), "已交别处支部",
                OrganizationType.BRANCH);
        YearMonth month = YearMonth.of(2001, 3);
        record Expected(long memberId, String path) {
        }
        List<Expected> placed = new ArrayList<>();
        List<String> names = List.of("已交甲", "已交乙", "已交丙", "已交丁");
        for (Organization branch : List.of(second, first, second, first)) {
            long id = data.member(branch.id(), names.get(placed.size()), MemberStatus.FULL).id();
            bill(id, month, branch, "PAID");
            placed.add(new Expected(id, branch.path().value()));
        }
        List<Long> expected = placed.stream()
                .sorted(Comparator.comparing(Expected::path).thenComparing(Expected::memberId))
                .map(Expected::memberId).toList();
        bill(data.member(first.id(), "未交党员", MemberStatus.FULL).id(), month, first, "OPEN");
        bill(data.member(elsewhere.id(), "别处已交党员", MemberStatus.FULL).id(), month, elsewhere, "PAID");

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            DuesBills.DuesBillPage p = bills.list(SYSTEM, committee.id(), month, BillStatus.PAID, page, 3);
            assertThat(p.total()).isEqualTo(4);
            p.bills().forEach(b -> {
                assertThat(b.status()).isEqualTo(BillStatus.PAID);
                seen.add(b.memberId());
            });
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(bills.list(SYSTEM, second.id(), month, BillStatus.PAID, 0, 20).bills())
                .extracting(DuesBill::memberId)
                .containsExactlyElementsOf(placed.stream().filter(e -> e.path().equals(second.path().value()))
                        .map(Expected::memberId).sorted().toList());
        assertThat(bills.list(SYSTEM, committee.id(), month, BillStatus.WAIVED, 0, 20).bills()).isEmpty();
    }
}
