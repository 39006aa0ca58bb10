package cn.zhibu.dues;

import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.dues.internal.BillAmounts;
import cn.zhibu.dues.internal.BillStatements;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.support.DuesBillFixture;
import cn.zhibu.support.DuesPaidRecorder;
import cn.zhibu.support.DuesRollupRecount;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger: payments recorded by the branch at the bills' dues with the F6 limits and consent, F7's threshold,
 * online settlement posted once per order, reversals that reopen bills, roll-ups exact after each, and a ledger the
 * database itself keeps from being edited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuesLedgerIntegrationTest {

    private static final AtomicLong ORDERS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    private static final AtomicLong MEMBERS = new AtomicLong();

    @Autowired TestData data;
    @Autowired DuesBillFixture bills;
    @Autowired DuesRollupRecount recount;
    @Autowired DuesLedger ledger;
    @Autowired DuesPayments payments;
    @Autowired JdbcClient jdbc;
    @Autowired cn.zhibu.member.DuesPaidThrough paidThrough;
    @Autowired cn.zhibu.organization.OrganizationService organizations;
    @Autowired DuesPaidRecorder paidEvents;
    @Autowired DuesBases bases;
    @Autowired ReliefService reliefs;
    @Autowired DuesSettings settings;
    @Autowired BillAmounts amounts;
    @Autowired BillStatements statements;
    @Autowired cn.zhibu.member.FloatingService floating;

    Organization committee;
    Organization branch;
    final YearMonth now = YearMonth.now();

    @BeforeAll
    void world() {
        committee = data.committee("党费账目党委" + System.nanoTime() % 1_000_000);
        branch = data.org(committee.id(), "党费账目支部", OrganizationType.BRANCH);
    }

    /** A member of the branch with OPEN bills of 50.00 for the 8 months before this one and this one, base 50.00. */
    private long memberWithArrears() {
        return memberWithArrears(branch);
    }

    private long memberWithArrears(Organization branch) {
        Member m = data.member(branch.id(), "交费党员" + chinese(MEMBERS.incrementAndGet()), MemberStatus.FULL);
        bills.base(m.id(), YearMonth.of(2026, 1), "50.00");
        bills.bills(m.id(), now.minusMonths(8), now, "50.00");
        return m.id();
    }

    private static String chinese(long n) {
        StringBuilder s = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            s.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return s.toString();
    }

    private RecordedPayment payment(long memberId, List<YearMonth> months, String consent, String extra) {
        return new RecordedPayment(memberId, months, PaymentMethod.CASH, "SJ-" + System.nanoTime(), Payer.SELF, null,
                LocalDate.now(), consent, extra == null ? null : new BigDecimal(extra));
    }

    private static List<YearMonth> months(YearMonth from, int count) {
        return IntStream.range(0, count).mapToObj(from::plusMonths).toList();
    }

    private String billStatus(long memberId, YearMonth month) {
        return jdbc.sql("select status from dues_bill where member_id = ? and month = ?")
                .params(memberId, month.atDay(1)).query(String.class).single();
    }

    private void assertRollupExact() {
        assertThat(recount.mismatches(committee.path().value())).isEmpty();
    }

    @Test
    void a_month_is_paid_at_its_bill_s_dues_and_the_bill_becomes_paid() {
        long member = memberWithArrears();
        List<LedgerEntry> made = ledger.record(SYSTEM, payment(member, List.of(now), null, null));
        assertThat(made).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(LedgerEntryKind.PAYMENT);
            assertThat(e.amount()).isEqualByComparingTo("50.00");
            assertThat(e.allocations()).containsExactly(new LedgerEntry.Allocation(now, new BigDecimal("50.00")));
        });
        assertThat(billStatus(member, now)).isEqualTo("PAID");
        assertThat(paidEvents.received()).contains(new DuesPaid(member, made.get(0).id(), false));
        assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, List.of(now), null, null)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("已交清");
        assertRollupExact();
    }

    @Test
    void F5_a_floating_member_pays_where_they_live_only_with_an_activity_certificate() {
        long member = memberWithArrears();
        RecordedPayment there = new RecordedPayment(member, List.of(now), PaymentMethod.CASH, "LR-" + System.nanoTime(),
                Payer.WHERE_THEY_LIVE, "深圳市南山区粤海街道流动党员党支部", LocalDate.now(), null, null);
        assertThatThrownBy(() -> ledger.record(SYSTEM, there)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("payer"))
                .hasMessageContaining("活动证");
        cn.zhibu.member.Outflow away = floating.registerOutflow(SYSTEM, member, new cn.zhibu.member.OutflowForm(
                "广东省深圳市", "外出务工", LocalDate.now().minusMonths(2), true, "13800138000", null));
        assertThatThrownBy(() -> ledger.record(SYSTEM, there)).isInstanceOf(InvalidInputException.class);
        floating.issueCertificate(SYSTEM, away.id(), "LD-2026-0001");
        assertThat(ledger.record(SYSTEM, there)).singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("50.00"));
        assertThat(billStatus(member, now)).isEqualTo("PAID");
        assertThatThrownBy(() -> ledger.record(SYSTEM, new RecordedPayment(member, List.of(now.minusMonths(1)),
                PaymentMethod.CASH, "LR-" + System.nanoTime(), Payer.WHERE_THEY_LIVE, " ", LocalDate.now(), "王书记", null)))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("payerName"));
        assertRollupExact();
    }

    @ParameterizedTest(name = "{0} months back: allowed {1}")
    @CsvSource({"6, true", "7, false"})
    void F6_back_payment_is_allowed_for_at_most_six_months_with_consent(int count, boolean allowed) {
        long member = memberWithArrears();
        List<YearMonth> back = months(now.minusMonths(count), count);
        if (allowed) {
            assertThat(ledger.record(SYSTEM, payment(member, back, "支部书记王某", null)).get(0).amount())
                    .isEqualByComparingTo(new BigDecimal("50.00").multiply(BigDecimal.valueOf(count)));
            assertThat(back).allSatisfy(m -> assertThat(billStatus(member, m)).isEqualTo("PAID"));
        } else {
            assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, back, "支部书记王某", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("months"));
            assertThat(back).allSatisfy(m -> assertThat(billStatus(member, m)).isEqualTo("OPEN"));
        }
        assertRollupExact();
    }

    @Test
    void F6_back_payment_and_prepayment_need_the_branch_s_consent() {
        long member = memberWithArrears();
        assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, List.of(now.minusMonths(1)), null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("consent"));
        assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, List.of(now.plusMonths(1)), " ", null)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsKey("consent"));
        assertThat(ledger.record(SYSTEM, payment(member, List.of(now.minusMonths(1)), "组织委员李某", null)).get(0)
                .consent()).isEqualTo("组织委员李某");
    }

    @ParameterizedTest(name = "{0} months ahead: allowed {1}")
    @CsvSource({"6, true", "7, false"})
    void F6_prepayment_is_allowed_for_at_most_six_months_at_what_would_be_billed_now(int count, boolean allowed) {
        long member = memberWithArrears();
        List<YearMonth> ahead = months(now.plusMonths(1), count);
        if (allowed) {
            LedgerEntry e = ledger.record(SYSTEM, payment(member, ahead, "支部书记王某", null)).get(0);
            assertThat(e.allocations()).hasSize(count)
                    .allSatisfy(a -> assertThat(a.amount()).isEqualByComparingTo("50.00"));
            assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, List.of(now.plusMonths(1)), "王某", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("已预交");
        } else {
            assertThatThrownBy(() -> ledger.record(SYSTEM, payment(member, ahead, "支部书记王某", null)))
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.fieldErrors()).containsKey("months"));
        }
        assertRollupExact();
    }

    @ParameterizedTest(name = "extra {0}: to the Center {1}")
    @CsvSource({"999.99, false", "1000.00, true", "1000, true"})
    void F7_a_single_extra_of_1000_yuan_or_more_goes_to_the_center(String extra, boolean toCenter) {
        long member = memberWithArrears();
        List<LedgerEntry> made = ledger.record(SYSTEM, payment(member, List.of(now), null, extra));
        assertThat(made).extracting(LedgerEntry::kind).containsExactly(LedgerEntryKind.PAYMENT, LedgerEntryKind.EXTRA);
        assertThat(made.get(1).toCenter()).isEqualTo(toCenter);
        assertThat(made.get(1).amount()).isEqualByComparingTo(extra);
        if (toCenter) {
            LedgerEntry noted = ledger.noteCenterReceipt(SYSTEM, made.get(1).id(), "中组部-2026-001", LocalDate.now());
            assertThat(noted.centerReceiptNo()).isEqualTo("中组部-2026-001");
            assertThatThrownBy(() -> ledger.noteCenterReceipt(SYSTEM, made.get(1).id(), "X", LocalDate.now()))
                    .isInstanceOf(InvalidInputException.class);
        } else {
            assertThatThrownBy(() -> ledger.noteCenterReceipt(SYSTEM, made.get(1).id(), "X", LocalDate.now()))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertRollupExact();
    }

    @Test
    void F6_a_payer_other_than_the_member_is_named_and_a_receipt_is_required() {
        long member = memberWithArrears();
        RecordedPayment noName = new RecordedPayment(member, List.of(now), PaymentMethod.TRANSFER, "ZZ-1",
                Payer.RELATIVE, " ", LocalDate.now(), null, null);
        RecordedPayment noReceipt = new RecordedPayment(member, List.of(now), PaymentMethod.CASH, "",
                Payer.SELF, null, LocalDate.now(), null, null);
        RecordedPayment online = new RecordedPayment(member, List.of(now), PaymentMethod.ONLINE, "X",
                Payer.SELF, null, LocalDate.now(), null, null);
        assertThatThrownBy(() -> ledger.record(SYSTEM, noName)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsKey("payerName"));
        assertThatThrownBy(() -> ledger.record(SYSTEM, noReceipt)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsKey("receiptNo"));
        assertThatThrownBy(() -> ledger.record(SYSTEM, online)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.fieldErrors()).containsKey("method"));
        assertThat(billStatus(member, now)).isEqualTo("OPEN");
    }

    @Test
    void a_reversal_negates_the_allocations_reopens_the_bills_and_is_made_once() {
        long member = memberWithArrears();
        List<YearMonth> paid = List.of(now.minusMonths(1), now, now.plusMonths(1));
        List<LedgerEntry> made = ledger.record(SYSTEM, payment(member, paid, "书记", "20.00"));
        LedgerEntry reversal = ledger.reverse(SYSTEM, made.get(0).id(), "收据号登记错误");
        assertThat(reversal.kind()).isEqualTo(LedgerEntryKind.REVERSAL);
        assertThat(reversal.reverses()).isEqualTo(made.get(0).id());
        assertThat(reversal.amount()).isEqualByComparingTo("-150.00");
        assertThat(reversal.allocations()).extracting(LedgerEntry.Allocation::amount)
                .allSatisfy(a -> assertThat(a).isEqualByComparingTo("-50.00"));
        assertThat(billStatus(member, now.minusMonths(1))).isEqualTo("OPEN");
        assertThat(billStatus(member, now)).isEqualTo("OPEN");
        assertThat(paidEvents.received()).contains(new DuesPaid(member, reversal.id(), true));
        ledger.reverse(SYSTEM, made.get(1).id(), "多交金额有误");
        assertThatThrownBy(() -> ledger.reverse(SYSTEM, made.get(0).id(), "再冲一次"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("不能重复冲正");
        assertThatThrownBy(() -> ledger.reverse(SYSTEM, reversal.id(), "冲正冲正"))
                .isInstanceOf(InvalidInputException.class);
        // the month may be paid again, and the prepaid month too
        ledger.record(SYSTEM, payment(member, paid, "书记", null));
        assertThat(billStatus(member, now)).isEqualTo("PAID");
        assertRollupExact();
    }

    @Test
    void online_settlement_is_posted_once_per_order_and_a_refund_reverses_it() {
        long member = memberWithArrears();
        assertThat(payments.openBills(member)).hasSize(9);
        List<YearMonth> months = List.of(now.minusMonths(1), now);
        BigDecimal dues = payments.quote(member, months);
        assertThat(dues).isEqualByComparingTo("100.00");
        long order = ORDERS.incrementAndGet();
        OnlineSettlement settlement = new OnlineSettlement(order, member, months, dues, new BigDecimal("5.00"),
                "4200001234" + order, Instant.now());
        long entry = payments.settleOnline(settlement);
        assertThat(payments.settleOnline(settlement)).isEqualTo(entry);
        assertThat(jdbc.sql("select count(*) from dues_entry where online_order = ?").param(order).query(Long.class)
                .single()).isEqualTo(2);
        assertThat(billStatus(member, now)).isEqualTo("PAID");
        assertThat(payments.openBills(member)).hasSize(7);
        assertRollupExact();

        long reversal = payments.reverseOnline(order, "退款：重复支付", "在线支付对账");
        assertThat(payments.reverseOnline(order, "退款：重复支付", "在线支付对账")).isEqualTo(reversal);
        assertThat(billStatus(member, now)).isEqualTo("OPEN");
        assertThat(jdbc.sql("select sum(amount) from dues_entry where online_order = ?").param(order)
                .query(BigDecimal.class).single()).isEqualByComparingTo("0");
        assertRollupExact();
    }

    @Test
    void online_settlement_of_months_no_longer_owed_is_refused_for_a_refund() {
        long member = memberWithArrears();
        ledger.record(SYSTEM, payment(member, List.of(now), null, null));
        OnlineSettlement late = new OnlineSettlement(ORDERS.incrementAndGet(), member, List.of(now),
                new BigDecimal("50.00"), null, "4200009999", Instant.now());
        assertThatThrownBy(() -> payments.settleOnline(late)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> payments.quote(member, List.of(now.minusMonths(7), now.minusMonths(6),
                now.minusMonths(5), now.minusMonths(4), now.minusMonths(3), now.minusMonths(2), now.minusMonths(1))))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_database_refuses_to_edit_or_delete_ledger_rows_but_lets_a_move_rewrite_their_root() {
        long member = memberWithArrears();
        long id = ledger.record(SYSTEM, payment(member, List.of(now), null, null)).get(0).id();
        assertThatThrownBy(() -> jdbc.sql("update dues_entry set amount = 1 where id = ?").param(id).update())
                .hasMessageContaining("党费账目不可修改或删除");
        assertThatThrownBy(() -> jdbc.sql("delete from dues_allocation where entry_id = ?").param(id).update())
                .hasMessageContaining("党费账目不可修改或删除");
        assertThatThrownBy(() -> jdbc.sql("update dues_allocation set amount = 0 where entry_id = ?").param(id).update())
                .hasMessageContaining("党费账目不可修改或删除");
        assertThatThrownBy(() -> jdbc.sql("update dues_entry set org_id = org_id + 1 where id = ?").param(id).update())
                .hasMessageContaining("党费账目不可修改或删除");
        assertThat(jdbc.sql("update dues_entry set root_id = root_id where id = ?").param(id).update()).isEqualTo(1);
    }

    @Test
    void a_secretary_of_another_branch_gets_not_found_and_changes_nothing() {
        long member = memberWithArrears();
        Organization other = data.org(committee.id(), "党费账目另一支部", OrganizationType.BRANCH);
        DataScope otherSecretary = new DataScope(42, "另一支部书记", false, List.of(), List.of(other.path()), null,
                null, false);
        long entry = ledger.record(SYSTEM, payment(member, List.of(now), null, null)).get(0).id();
        assertThatThrownBy(() -> ledger.record(otherSecretary, payment(member, List.of(now.minusMonths(1)), "x", null)))
                .isInstanceOf(cn.zhibu.platform.NotFoundException.class);
        assertThatThrownBy(() -> ledger.reverse(otherSecretary, entry, "越权冲正"))
                .isInstanceOf(cn.zhibu.platform.NotFoundException.class);
        assertThatThrownBy(() -> ledger.ledgerOf(otherSecretary, member, 10))
                .isInstanceOf(cn.zhibu.platform.NotFoundException.class);
        assertThatThrownBy(() -> ledger.entry(otherSecretary, entry))
                .isInstanceOf(cn.zhibu.platform.NotFoundException.class);
        assertThat(billStatus(member, now)).isEqualTo("PAID");
        assertThat(billStatus(member, now.minusMonths(1))).isEqualTo("OPEN");
    }

    @Test
    void a_moved_branch_takes_its_bills_entries_and_roll_ups_to_its_new_committee() {
        Organization from = data.committee("党费迁出党委" + System.nanoTime() % 1_000_000);
        Organization to = data.committee("党费迁入党委" + System.nanoTime() % 1_000_000);
        Organization moving = data.org(from.id(), "党费迁移支部", OrganizationType.BRANCH);
        long member = memberWithArrears(moving);
        List<LedgerEntry> made = ledger.record(SYSTEM, payment(member, List.of(now.minusMonths(1), now, now.plusMonths(1)),
                "书记", "1200.00"));
        organizations.move(SYSTEM, moving.id(), to.id());
        assertThat(recount.mismatches(from.path().value())).isEmpty();
        assertThat(recount.mismatches(to.path().value())).isEmpty();
        assertThat(jdbc.sql("select count(*) from dues_entry where member_id = ? and " + SubtreeRewrite.orgIdIn("org_id"))
                .params(member, to.path().value(), to.path().upperBound()).query(Long.class).single()).isEqualTo(2);
        ledger.reverse(SYSTEM, made.get(0).id(), "迁移后冲正");
        assertThat(recount.mismatches(to.path().value())).isEmpty();
    }

    @Test
    void the_transfer_letter_s_month_is_the_last_month_up_to_which_every_bill_is_paid() {
        Member none = data.member(branch.id(), "无账单党员" + chinese(MEMBERS.incrementAndGet()), MemberStatus.FULL);
        assertThat(paidThrough.paidThrough(none.id())).isEmpty();
        long member = memberWithArrears();
        assertThat(paidThrough.paidThrough(member)).contains(now.minusMonths(9));
        ledger.record(SYSTEM, payment(member, months(now.minusMonths(8), 6), "书记", null));
        assertThat(paidThrough.paidThrough(member)).contains(now.minusMonths(3));
        ledger.record(SYSTEM, payment(member, months(now.minusMonths(2), 4), "书记", null));
        assertThat(paidThrough.paidThrough(member)).contains(now.plusMonths(1));
        ledger.record(SYSTEM, payment(member, List.of(now.plusMonths(3)), "书记", null));
        assertThat(paidThrough.paidThrough(member)).as("a gap stops the run").contains(now.plusMonths(1));
    }

    /**
     * Members whose later months are priced differently by the mode: a raise a few months ahead (年初核定 keeps the
     * January base: the prepaid months cross into next year), a varying category (年薪制), an approved reduction.
     */
    private List<Long> membersPricedByTheMode(Organization branch) {
        Member raised = data.member(branch.id(), "预交调资" + chinese(MEMBERS.incrementAndGet()), MemberStatus.FULL);
        recordBase(raised.id(), DuesCategory.SALARIED, settings.firstMonth(), "5000.00");
        recordBase(raised.id(), DuesCategory.SALARIED, now.plusMonths(3), "8000.00");
        Member annual = data.member(branch.id(), "预交年薪" + chinese(MEMBERS.incrementAndGet()), MemberStatus.FULL);
        recordBase(annual.id(), DuesCategory.ANNUAL_SALARY, settings.firstMonth(), "20000.00");
        recordBase(annual.id(), DuesCategory.ANNUAL_SALARY, now.plusMonths(2), "30000.00");
        Member relieved = data.member(branch.id(), "预交减免" + chinese(MEMBERS.incrementAndGet()), MemberStatus.FULL);
        recordBase(relieved.id(), DuesCategory.SALARIED, settings.firstMonth(), "4000.00");
        long relief = reliefs.propose(SYSTEM, relieved.id(), new ReliefProposal(now.plusMonths(2), now.plusMonths(4),
                new BigDecimal("5.00"), "家庭困难", LocalDate.now())).id();
        reliefs.decide(SYSTEM, relief, true, "同意");
        return List.of(raised.id(), annual.id(), relieved.id());
    }

    private void recordBase(long memberId, DuesCategory category, YearMonth from, String base) {
        bases.record(SYSTEM, memberId, new BaseEntry(category, from, null, null, null, null, new BigDecimal(base),
                null, null), "FORM");
    }

    private Optional<BigDecimal> billAmount(long memberId, YearMonth month) {
        return jdbc.sql("select amount from dues_bill where member_id = ? and month = ?")
                .params(memberId, month.atDay(1)).query(BigDecimal.class).optional();
    }

    @Test
    void F1a_F4_F6_a_prepaid_month_costs_what_its_bill_later_comes_to_in_both_amount_modes() {
        List<YearMonth> ahead = months(now.plusMonths(1), 6);
        for (AmountMode mode : AmountMode.values()) {
            DuesSettings s = settings.withAmountMode(mode);
            Organization modeBranch = data.org(committee.id(), "预交" + mode.name() + "支部", OrganizationType.BRANCH);
            List<Long> members = membersPricedByTheMode(modeBranch);
            java.util.Map<Long, List<BigDecimal>> quoted = new java.util.HashMap<>();
            for (long m : members) {
                quoted.put(m, ahead.stream().map(month -> amounts.amount(m, false, null, month, s).orElseThrow()).toList());
            }
            boolean configured = mode == settings.amountMode();
            if (configured) {   // the ledger prices with the configured mode: prepay through it
                for (long m : members) {
                    LedgerEntry e = ledger.record(SYSTEM, payment(m, ahead, "支部书记王某", null)).get(0);
                    assertThat(e.allocations().stream().map(LedgerEntry.Allocation::amount).toList())
                            .as(mode + " member " + m).isEqualTo(quoted.get(m));
                }
            }
            for (YearMonth month : ahead) {
                statements.make(modeBranch.path(), month, s);   // the bill run, when the month comes
            }
            for (long m : members) {
                for (int i = 0; i < ahead.size(); i++) {
                    YearMonth month = ahead.get(i);
                    assertThat(billAmount(m, month)).as(mode + " " + month + " member " + m)
                            .contains(quoted.get(m).get(i));
                    if (configured) {
                        assertThat(billStatus(m, month)).as(mode + " " + month).isEqualTo("PAID");
                    }
                }
            }
        }
        assertRollupExact();
    }
}
