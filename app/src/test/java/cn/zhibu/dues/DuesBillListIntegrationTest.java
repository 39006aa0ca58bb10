package cn.zhibu.dues;

import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's bills of a subtree: by organization (its path) and member across pages, the subtree's alone, and the
 * total counted to 10,001 at most (a province's month is millions of bills). Bills are written directly: the list
 * reads what is there, however it was made.
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
        long base = 7_000_000_000L + suffix * 100;
        record Expected(long memberId, String path) {
        }
        List<Expected> expected = List.of(new Expected(base + 3, first.path().value()),
                        new Expected(base + 1, first.path().value()), new Expected(base, second.path().value()),
                        new Expected(base + 4, second.path().value()), new Expected(base + 2, first.path().value()))
                .stream().sorted(Comparator.comparing(Expected::path).thenComparing(Expected::memberId)).toList();
        for (Expected e : expected) {
            bill(e.memberId(), month, e.path().equals(first.path().value()) ? first : second, "OPEN");
        }
        bill(base + 5, month, elsewhere, "OPEN");
        bill(base + 6, month, second, "VOID");

        List<Long> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            DuesBills.DuesBillPage p = bills.list(SYSTEM, committee.id(), month, BillStatus.OPEN, page, 2);
            assertThat(p.total()).isEqualTo(5);
            assertThat(p.totalExact()).isTrue();
            p.bills().forEach(b -> seen.add(b.memberId()));
        }
        assertThat(seen).containsExactlyElementsOf(expected.stream().map(Expected::memberId).toList());
        assertThat(bills.list(SYSTEM, committee.id(), month, null, 0, 20).total()).isEqualTo(6);
        assertThat(bills.list(SYSTEM, committee.id(), month, BillStatus.VOID, 0, 20).bills())
                .extracting(DuesBill::memberId).containsExactly(base + 6);
        assertThat(bills.list(SYSTEM, first.id(), month, null, 0, 20).total()).isEqualTo(3);

        YearMonth busy = YearMonth.of(2001, 2);
        jdbc.sql("""
                        insert into dues_bill (member_id, month, org_id, root_id, amount, status)
                        select ? + n, ?, ?, ?, 10, 'OPEN' from generate_series(0, 10000) n""")
                .params(base, busy.atDay(1), second.id(), second.rootId()).update();
        DuesBills.DuesBillPage capped = bills.list(SYSTEM, committee.id(), busy, null, 0, 20);
        assertThat(capped.total()).isEqualTo(10_001);
        assertThat(capped.totalExact()).isFalse();
        assertThat(capped.bills()).extracting(DuesBill::memberId).startsWith(base, base + 1, base + 2);
        jdbc.sql("delete from dues_bill where member_id >= ? and member_id <= ? and month = ?")
                .params(base, base + 10_000, busy.atDay(1)).update();
        bill(base + 10_000, busy, second, "OPEN");
        assertThat(bills.list(SYSTEM, committee.id(), busy, null, 0, 20).totalExact()).isTrue();
    }
}
