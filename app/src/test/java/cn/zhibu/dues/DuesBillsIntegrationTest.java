package cn.zhibu.dues;

import cn.zhibu.dues.internal.BillStatements;
import cn.zhibu.member.Gender;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberForm;
import cn.zhibu.member.MemberService;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bills at their edges (DUES.md "Bills"), and the bill statement's choice of base held against {@link ApplicableBase}
 * in both amount modes (F1a 年初核定, F5 第十条 from the month of a raise).
 */
@IntegrationTest
class DuesBillsIntegrationTest {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth JUL = YearMonth.of(2026, 7);
    static final YearMonth SEP = YearMonth.of(2026, 9);

    @Autowired TestData data;
    @Autowired MemberService members;
    @Autowired DuesBases bases;
    @Autowired DuesBills bills;
    @Autowired ReliefService reliefs;
    @Autowired BillStatements statements;
    @Autowired DuesSettings settings;
    @Autowired JdbcClient jdbc;

    private Organization branch(String name) {
        Organization committee = data.committee(name + "党委" + System.nanoTime() % 1_000_000);
        return data.org(committee.id(), name + "支部", OrganizationType.BRANCH);
    }

    private Member member(Organization org, String name, MemberStatus status, LocalDate joined) {
        LocalDate birth = LocalDate.of(1990, 5, 1);
        return members.create(SYSTEM, new MemberForm(org.id(), name, Gender.MALE, "汉族", birth,
                TestData.idNumber(birth, true), "13800138000", cn.zhibu.member.Education.BACHELOR,
                cn.zhibu.member.Occupation.CIVIL_SERVANT, status, joined,
                status == MemberStatus.FULL ? joined.plusYears(1) : null, "科员", "测试单位"));
    }

    private Member full(Organization org, String name) {
        return member(org, name, MemberStatus.FULL, LocalDate.of(2015, 6, 1));
    }

    private DuesBase base(Member m, DuesCategory category, YearMonth from, String base) {
        return bases.record(SYSTEM, m.id(), new BaseEntry(category, from, null, null, null, null,
                base == null ? null : new BigDecimal(base), null, null), "FORM");
    }

    private Optional<String> billOf(Member m, YearMonth month) {
        return jdbc.sql("select status || ' ' || amount || ' ' || paid from dues_bill where member_id = ? and month = ?")
                .params(m.id(), month.atDay(1)).query(String.class).optional();
    }

    @Test
    void F1a_F5_yearly_keeps_the_january_base_after_a_mid_year_raise_monthly_applies_it_from_the_raise() {
        Organization branch = branch("年中调资");
        Member m = full(branch, "调资党员");
        DuesBase january = base(m, DuesCategory.SALARIED, JAN, "5000.00");   // 1%: 50.00
        DuesBase raise = base(m, DuesCategory.SALARIED, JUL, "8000.00");     // 1.5%: 120.00

        assertThat(statements.pickedBases(branch.path(), SEP, settings.withAmountMode(AmountMode.YEARLY)))
                .containsEntry(m.id(), january.id());
        assertThat(statements.pickedBases(branch.path(), SEP, settings.withAmountMode(AmountMode.MONTHLY)))
                .containsEntry(m.id(), raise.id());
        assertThat(statements.pickedBases(branch.path(), YearMonth.of(2026, 6), settings.withAmountMode(AmountMode.MONTHLY)))
                .containsEntry(m.id(), january.id());

        bills.make(SYSTEM, branch.id(), SEP);   // the configured mode: YEARLY by default
        assertThat(billOf(m, SEP)).contains("OPEN 50.00 0.00");
    }

    @Test
    void F1a_F5_the_bill_statement_and_ApplicableBase_pick_the_same_base_in_both_modes_every_month() {
        Organization branch = branch("基数一致");
        Member raised = full(branch, "年中调资");
        base(raised, DuesCategory.SALARIED, JAN, "5000.00");
        base(raised, DuesCategory.SALARIED, JUL, "8000.00");
        Member annual = full(branch, "年薪制");
        base(annual, DuesCategory.ANNUAL_SALARY, JAN, "20000.00");
        base(annual, DuesCategory.ANNUAL_SALARY, YearMonth.of(2026, 5), "30000.00");
        Member corrected = full(branch, "更正基数");
        base(corrected, DuesCategory.RETIRED, JAN, "5000.01");
        base(corrected, DuesCategory.RETIRED, JAN, "5000.00");   // a correction of the same month: the later row
        Member late = full(branch, "年中核定");
        base(late, DuesCategory.SALARIED, YearMonth.of(2026, 10), "3000.00");
        Member probationer = member(branch, "预备党员", MemberStatus.PROBATIONARY, LocalDate.of(2026, 4, 20));
        base(probationer, DuesCategory.SALARIED, YearMonth.of(2026, 4), "4000.00");
        base(probationer, DuesCategory.SALARIED, YearMonth.of(2026, 8), "6000.00");
        List<Member> all = List.of(raised, annual, corrected, late, probationer);

        for (AmountMode mode : AmountMode.values()) {
            DuesSettings s = settings.withAmountMode(mode);
            for (YearMonth month = JAN; !month.isAfter(YearMonth.of(2026, 12)); month = month.plusMonths(1)) {
                Map<Long, Long> sql = statements.pickedBases(branch.path(), month, s);
                Map<Long, Long> java = new HashMap<>();
                for (Member m : all) {
                    YearMonth first = bases.firstMonth(SYSTEM, m.id());
                    if (month.isBefore(first)) {
                        continue;
                    }
                    List<ApplicableBase.Candidate> rows = bases.history(SYSTEM, m.id()).stream()
                            .map(DuesBase::candidate).toList();
                    YearMonth at = month;
                    ApplicableBase.of(rows, at, first, mode).ifPresent(c -> java.put(m.id(), c.id()));
                }
                assertThat(sql).as(mode + " " + month).isEqualTo(java);
            }
        }
    }

    @Test
    void F5_a_probationer_is_billed_from_the_admitting_month_and_a_member_who_left_is_not_billed() {
        Organization branch = branch("预备起交");
        Member probationer = member(branch, "新预备党员", MemberStatus.PROBATIONARY, LocalDate.of(2026, 9, 15));
        base(probationer, DuesCategory.SALARIED, YearMonth.of(2026, 9), "3000.00");   // 0.5%: 15.00
        Member leaving = full(branch, "将离开");
        base(leaving, DuesCategory.STUDENT, JAN, null);
        members.delete(SYSTEM, leaving.id());

        bills.make(SYSTEM, branch.id(), YearMonth.of(2026, 8));
        bills.make(SYSTEM, branch.id(), SEP);
        assertThat(billOf(probationer, YearMonth.of(2026, 8))).isEmpty();
        assertThat(billOf(probationer, SEP)).contains("OPEN 15.00 0.00");
        assertThat(billOf(leaving, SEP)).isEmpty();
    }

    @Test
    void F4_an_approved_waiver_gives_a_waived_bill_a_proposed_one_changes_nothing() {
        Organization branch = branch("免交");
        Member waived = full(branch, "免交党员");
        Member proposed = full(branch, "待批党员");
        base(waived, DuesCategory.SALARIED, JAN, "2000.00");
        base(proposed, DuesCategory.SALARIED, JAN, "2000.00");
        ReliefProposal p = new ReliefProposal(YearMonth.of(2026, 10), YearMonth.of(2026, 12), BigDecimal.ZERO,
                "重病住院，收入减少", LocalDate.of(2026, 9, 28));
        reliefs.decide(SYSTEM, reliefs.propose(SYSTEM, waived.id(), p).id(), true, "同意");
        reliefs.propose(SYSTEM, proposed.id(), p);

        BillRun run = bills.make(SYSTEM, branch.id(), YearMonth.of(2026, 10));
        assertThat(billOf(waived, YearMonth.of(2026, 10))).contains("WAIVED 0.00 0.00");
        assertThat(billOf(proposed, YearMonth.of(2026, 10))).contains("OPEN 10.00 0.00");
        assertThat(run.waived()).isEqualTo(1);
    }

    @Test
    void a_prepaid_month_is_billed_paid_and_rerunning_adds_only_missing_bills_with_an_exact_rollup() {
        Organization branch = branch("预交");
        Member prepaid = full(branch, "预交党员");
        Member plain = full(branch, "普通党员");
        base(prepaid, DuesCategory.SALARIED, JAN, "4000.00");   // 40.00
        base(plain, DuesCategory.SALARIED, JAN, "4000.00");
        long entry = jdbc.sql("""
                        insert into dues_entry (kind, member_id, org_id, root_id, amount, method, payer, paid_on,
                                                recorded_by)
                        values ('PAYMENT', ?, ?, ?, 40.00, 'CASH', 'SELF', ?, '测试') returning id""")
                .params(prepaid.id(), branch.id(), branch.rootId(), LocalDate.of(2026, 10, 20))
                .query(Long.class).single();
        jdbc.sql("insert into dues_allocation (entry_id, member_id, month, amount) values (?, ?, ?, 40.00)")
                .params(entry, prepaid.id(), YearMonth.of(2026, 11).atDay(1)).update();

        YearMonth nov = YearMonth.of(2026, 11);
        BillRun first = bills.make(SYSTEM, branch.id(), nov);
        assertThat(billOf(prepaid, nov)).contains("PAID 40.00 40.00");
        assertThat(billOf(plain, nov)).contains("OPEN 40.00 0.00");
        assertThat(first.bills()).isEqualTo(2);
        assertThat(first.paid()).isEqualTo(1);

        Member newcomer = full(branch, "后来党员");
        base(newcomer, DuesCategory.FARMER, JAN, null);
        BillRun second = bills.make(SYSTEM, branch.id(), nov);
        assertThat(second.bills()).isEqualTo(1);
        assertThat(second.amount()).isEqualByComparingTo("0.20");

        // void a bill and bill the month again: the roll-up counts it once
        bills.voidBill(SYSTEM, plain.id(), nov, "基数录错");
        assertThat(billOf(plain, nov)).contains("VOID 40.00 0.00");
        assertThatThrownBy(() -> bills.voidBill(SYSTEM, prepaid.id(), nov, "误操作"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(bills.make(SYSTEM, branch.id(), nov).bills()).isEqualTo(1);
        assertThat(billOf(plain, nov)).contains("OPEN 40.00 0.00");

        Map<String, Long> rolled = new HashMap<>();
        new MonthlyRollup(jdbc, "dues_rollup").read(List.of(branch.rootId(), branch.id()), null, nov, nov)
                .forEach(r -> rolled.merge(r.orgId() + r.metric(), r.n(), Long::sum));
        for (long org : List.of(branch.rootId(), branch.id())) {
            assertThat(rolled).containsEntry(org + "DUE", 8020L).containsEntry(org + "BILLS", 3L)
                    .containsEntry(org + "BILLS_PAID", 1L);
        }
    }

    @Test
    void months_before_the_platform_or_in_the_future_are_refused() {
        Organization branch = branch("月份");
        assertThatThrownBy(() -> bills.make(SYSTEM, branch.id(), YearMonth.of(2025, 12)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> bills.make(SYSTEM, branch.id(), YearMonth.now().plusMonths(1)))
                .isInstanceOf(InvalidInputException.class);
    }
}
