package cn.zhibu.dues;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.RemovalGround;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * F8 (中组发〔2008〕3号 第十三条): the run of consecutive unpaid months, kept by the bill run, the ledger and the
 * justifications, counted by length over every subtree, and read by the registry's R6 ground NO_DUES.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesArrearsIntegrationTest {

    private static final BigDecimal AMOUNT = new BigDecimal("12.50");
    private static final YearMonth LAST = YearMonth.now().minusMonths(1);

    @Autowired TestData data;
    @Autowired DuesFixture fixture;
    @Autowired DuesArrears arrears;
    @Autowired MembershipService membership;

    Organization committee;
    Organization branch;

    @BeforeAll
    void world() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        committee = data.committee("欠缴测试党委" + suffix);
        branch = data.org(committee.id(), "欠缴测试支部", OrganizationType.BRANCH);
    }

    /** The last {@code n} months up to last month, oldest first. */
    private static YearMonth[] lastMonths(int n) {
        return IntStream.range(0, n).mapToObj(i -> LAST.minusMonths(n - 1 - i)).toArray(YearMonth[]::new);
    }

    private static String chinese(int n) {
        return String.valueOf("零一二三四五六七八九".charAt(n));
    }

    private long billed(String name, int months) {
        Member m = data.member(branch.id(), name, MemberStatus.FULL);
        fixture.bills(m.id(), AMOUNT, lastMonths(months));
        return m.id();
    }

    @Test
    void F8_runs_of_3_5_6_and_7_months_are_counted_with_their_stage() {
        record Case(int months, ArrearsStage stage) {
        }
        for (Case c : List.of(new Case(2, ArrearsStage.NONE), new Case(3, ArrearsStage.REMIND),
                new Case(4, ArrearsStage.REMIND), new Case(5, ArrearsStage.URGE), new Case(6, ArrearsStage.REMOVAL),
                new Case(7, ArrearsStage.REMOVAL))) {
            long id = billed("连续" + chinese(c.months()) + "月", c.months());
            ArrearsRun run = arrears.run(id);
            assertThat(run.months()).as("%s months", c.months()).isEqualTo(c.months());
            assertThat(run.stage()).as("%s months", c.months()).isEqualTo(c.stage());
            assertThat(run.since()).isEqualTo(LAST.minusMonths(c.months() - 1));
            assertThat(run.until()).isEqualTo(LAST);
        }
    }

    @Test
    void F8_the_current_month_is_not_yet_in_arrears() {
        Member m = data.member(branch.id(), "本月未交", MemberStatus.FULL);
        fixture.bills(m.id(), AMOUNT, YearMonth.now());
        assertThat(arrears.run(m.id()).months()).isZero();
        fixture.bills(m.id(), AMOUNT, LAST);
        assertThat(arrears.run(m.id()).months()).isEqualTo(1);
    }

    @Test
    void F8_a_justified_month_in_the_middle_breaks_the_run() {
        long id = billed("住院期间", 6);
        assertThat(arrears.run(id).months()).isEqualTo(6);
        arrears.justify(SYSTEM, id, LAST.minusMonths(3), "住院治疗，经支委会同意缓交");
        ArrearsRun run = arrears.run(id);
        assertThat(run.months()).isEqualTo(3);
        assertThat(run.since()).isEqualTo(LAST.minusMonths(2));
        assertThat(run.stage()).isEqualTo(ArrearsStage.REMIND);
    }

    @Test
    void F8_a_justification_needs_a_reason_and_an_open_bill() {
        long id = billed("理由必填", 2);
        assertThatThrownBy(() -> arrears.justify(SYSTEM, id, LAST, "  "))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("reason"));
        fixture.pay(id, LAST);
        assertThatThrownBy(() -> arrears.justify(SYSTEM, id, LAST, "失联查找中"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("month"));
        assertThatThrownBy(() -> arrears.justify(SYSTEM, id, LAST.minusMonths(20), "失联查找中"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void F8_paying_the_latest_month_ends_the_run_and_a_gap_starts_a_new_one() {
        long id = billed("补交最近", 6);
        fixture.pay(id, LAST);
        assertThat(arrears.run(id).months()).isZero();

        Member gap = data.member(branch.id(), "中间未出账", MemberStatus.FULL);
        fixture.bills(gap.id(), AMOUNT, LAST.minusMonths(5), LAST.minusMonths(4), LAST.minusMonths(2),
                LAST.minusMonths(1), LAST);
        assertThat(arrears.run(gap.id()).months()).isEqualTo(3);
    }

    @Test
    void F8_counts_by_length_roll_up_to_the_branch_and_the_committee() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        Organization top = data.committee("欠缴汇总党委" + suffix);
        Organization b1 = data.org(top.id(), "欠缴汇总一支部", OrganizationType.BRANCH);
        Organization b2 = data.org(top.id(), "欠缴汇总二支部", OrganizationType.BRANCH);
        List<Long> ids = new ArrayList<>();
        int[][] runs = {{3}, {5}, {6}, {8}};
        long[] orgs = {b1.id(), b1.id(), b2.id(), b2.id()};
        for (int i = 0; i < runs.length; i++) {
            Member m = data.member(orgs[i], "汇总" + chinese(i), MemberStatus.FULL);
            fixture.bills(m.id(), AMOUNT, lastMonths(runs[i][0]));
            ids.add(m.id());
        }
        assertThat(arrears.counts(SYSTEM, top.id())).isEqualTo(new ArrearsCounts(top.id(), 3, 4, 5, 3, 6, 2));
        assertThat(arrears.counts(SYSTEM, b1.id())).isEqualTo(new ArrearsCounts(b1.id(), 3, 2, 5, 1, 6, 0));
        fixture.fold();
        assertThat(arrears.counts(SYSTEM, top.id())).isEqualTo(new ArrearsCounts(top.id(), 3, 4, 5, 3, 6, 2));

        fixture.pay(ids.get(3), LAST);
        assertThat(arrears.counts(SYSTEM, top.id())).isEqualTo(new ArrearsCounts(top.id(), 3, 3, 5, 2, 6, 1));
        assertThat(arrears.counts(SYSTEM, b2.id())).isEqualTo(new ArrearsCounts(b2.id(), 3, 1, 5, 1, 6, 1));

        ArrearsPage first = arrears.page(SYSTEM, top.id(), 3, null, 2);
        assertThat(first.items()).extracting(ArrearsMember::months).containsExactly(6, 5);
        assertThat(first.total()).isEqualTo(3);
        ArrearsPage second = arrears.page(SYSTEM, top.id(), 3, first.next(), 2);
        assertThat(second.items()).extracting(ArrearsMember::months).containsExactly(3);
        assertThat(second.next()).isNull();
        assertThat(second.items().get(0).orgName()).isEqualTo("欠缴汇总一支部");
    }

    @Test
    void F8_R6_removal_for_not_paying_dues_is_refused_before_6_months_and_allowed_at_6() {
        long five = billed("欠五个月", 5);
        StatusChange remove = new StatusChange(StatusChangeKind.REMOVE, LocalDate.now(), "无正当理由连续不交纳党费",
                "组通〔2026〕1号", "测试党委", null, RemovalGround.NO_DUES);
        assertThatThrownBy(() -> membership.change(SYSTEM, five, remove))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors().get("ground"))
                        .contains("5个月").contains("第十三条").contains("第三十一条"));

        long six = billed("欠六个月", 6);
        assertThat(membership.duesUnpaidMonths(SYSTEM, six)).isEqualTo(6);
        membership.change(SYSTEM, six, remove);
        assertThat(membership.duesUnpaidMonths(SYSTEM, six)).isNull(); // no longer in the registry
    }
}
