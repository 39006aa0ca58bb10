package cn.zhibu.demo;

import cn.zhibu.dues.BaseEntry;
import cn.zhibu.dues.BillRun;
import cn.zhibu.dues.DuesArrears;
import cn.zhibu.dues.DuesBases;
import cn.zhibu.dues.DuesBills;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.dues.DuesLedger;
import cn.zhibu.dues.DuesRelief;
import cn.zhibu.dues.DuesRemittances;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.LedgerEntry;
import cn.zhibu.dues.Payer;
import cn.zhibu.dues.PaymentMethod;
import cn.zhibu.dues.RecordedPayment;
import cn.zhibu.dues.ReliefProposal;
import cn.zhibu.dues.ReliefService;
import cn.zhibu.member.Member;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The 党费 year of the demo tree (RULES.md F1–F8): a base for every member (payslip items for the salaried, pensions
 * for the retirees, a few fixed amounts, one member paying more than computed, one capped at 1000), one approved
 * relief and one waiting for the committee, then month by month from {@code zhibu.dues.first-month} to now: the
 * month's bills for the whole tree through {@link DuesBills}, and its payments. In the demo secretary's branch every
 * payment goes through {@link DuesLedger} as the branch recorded it that day (cash and transfers with receipts,
 * a relative paying, a quarterly payer, a prepaid month, voluntary extras, a reversed mistake) and some members fall
 * behind 3, 5 and 6 months, one with a justified month; the branch remits to its committee. Elsewhere each month's
 * bills are paid by one set-based statement, as the ledger would have written them on the day (entries,
 * allocations, bills PAID, roll-up deltas), so the committees' roll-ups show a real year without 800 × 12 postings.
 */
final class DemoDues {

    private static final ZoneId ZONE = ZoneId.systemDefault();

    private final DuesBases bases;
    private final ReliefService reliefs;
    private final DuesBills bills;
    private final DuesLedger ledger;
    private final DuesArrears arrears;
    private final DuesRemittances remittances;
    private final DuesSettings settings;
    private final JdbcClient jdbc;
    private final DataScope scope;
    private final Random random;
    private final LocalDate today;
    private final YearMonth current;
    private final MonthlyRollup rollup;
    private int receipts;

    /** The dues module's services the demo writes through (one bean, so the loader takes one parameter). */
    @Component
    record Services(DuesBases bases, ReliefService reliefs, DuesBills bills, DuesLedger ledger, DuesArrears arrears,
                    DuesRemittances remittances, DuesSettings settings, JdbcClient jdbc) {
    }

    DemoDues(Services services, DataScope scope, Random random, LocalDate today) {
        this.bases = services.bases();
        this.reliefs = services.reliefs();
        this.bills = services.bills();
        this.ledger = services.ledger();
        this.arrears = services.arrears();
        this.remittances = services.remittances();
        this.settings = services.settings();
        this.jdbc = services.jdbc();
        this.scope = scope;
        this.random = random;
        this.today = today;
        this.current = YearMonth.from(today);
        this.rollup = new MonthlyRollup(jdbc, "dues_rollup");
    }

    /** How a member of the demo secretary's branch pays through the year. */
    private enum Habit {
        MONTHLY, OWES_LAST_MONTH, QUARTERLY, BY_RELATIVE, PREPAYS, EXTRA, EXTRA_TO_CENTER, CHOSE_MORE, MISTAKE_REVERSED,
        BEHIND_3, BEHIND_5, BEHIND_6, BEHIND_JUSTIFIED, RELIEVED, RELIEF_PROPOSED
    }

    void year(PlacedOrg root) {
        PlacedOrg branch = root.find(DemoAccounts.SECRETARY_BRANCH);
        Map<Long, Habit> habits = habits(branch);
        analyze();
        root.branches().forEach(b -> b.members().forEach(m -> base(b, m, habits.get(m.id()))));
        analyze();
        special(branch, habits, Habit.RELIEF_PROPOSED, this::proposeRelief);
        special(branch, habits, Habit.RELIEVED, this::approvedRelief);
        TreePath branchPath = new TreePath(branch.org().path().value());
        for (YearMonth m = settings.firstMonth(); !m.isAfter(current); m = m.plusMonths(1)) {
            if (m.equals(settings.firstMonth().plusMonths(1))) {
                analyze(); // the first month's bills and payments are in: plan the next eleven on them
            }
            bill(root, m);
            for (Member member : branch.members()) {
                pay(member, habits.getOrDefault(member.id(), Habit.MONTHLY), m);
            }
            payElsewhere(root, branchPath, m);
        }
        special(branch, habits, Habit.BEHIND_JUSTIFIED, m -> {
            YearMonth month = current.minusMonths(4);
            if (!month.isBefore(settings.firstMonth())) {
                arrears.justify(scope, m.id(), month, "因病住院治疗两个月，家属已向支部说明情况");
            }
        });
        remit(branch);
    }

    /**
     * Statistics for the tables this transaction has just filled (ANALYZE samples its own uncommitted rows): without
     * them the planner takes the registry and the bills for empty and the bill runs' arrears recounts take seconds.
     */
    private void analyze() {
        jdbc.sql("analyze member, organization, dues_base, dues_relief, dues_start, dues_bill, dues_entry, dues_allocation,"
                + " dues_arrears").update();
    }

    // ---- bases and reliefs -------------------------------------------------------------------------------------

    /** The branch's special cases, on members other than the secretary and the named demo people. */
    private static Map<Long, Habit> habits(PlacedOrg branch) {
        Set<String> named = Set.of(DemoAccounts.SECRETARY_NAME, DemoAccounts.MEMBER_NAME, DemoAccounts.SEARCHABLE_NAME);
        List<Member> others = branch.members().stream().filter(m -> !named.contains(m.name())).toList();
        Map<Long, Habit> habits = new HashMap<>();
        // the demo member has last month and this one to pay: their inbox asks for them
        habits.put(branch.member(DemoAccounts.MEMBER_NAME).id(), Habit.OWES_LAST_MONTH);
        // the first other member asked leave from the coming 主题党日: an ordinary payer
        List<Habit> specials = List.of(Habit.values()).subList(2, Habit.values().length);
        for (int i = 0; i < specials.size() && i + 1 < others.size(); i++) {
            habits.put(others.get(i + 1).id(), specials.get(i));
        }
        return habits;
    }

    private static void special(PlacedOrg branch, Map<Long, Habit> habits, Habit habit, Consumer<Member> action) {
        branch.members().stream().filter(m -> habits.get(m.id()) == habit).findFirst().ifPresent(action);
    }

    private void base(PlacedOrg branch, Member m, Habit habit) {
        YearMonth from = settings.firstMonth();
        String unit = branch.plan().name();
        BaseEntry entry;
        if (branch.plan().workforce() == Workforce.RETIREES) {
            entry = rated(DuesCategory.RETIRED, from, money(3800 + random.nextInt(5200)), "离退休费（基本养老金）");
        } else if (unit.startsWith("市社科联") && (m.id() % 6 == 1)) {
            entry = new BaseEntry(DuesCategory.FARMER, from, null, null, null, null, null, null, "文联会员，以务农为主");
        } else if (unit.startsWith("市教育科学研究院") && m.id() % 10 == 3) {
            entry = new BaseEntry(DuesCategory.STUDENT, from, null, null, null, null, null, null, "全日制在读博士研究生，停薪");
        } else if (unit.startsWith("市经济信息中心") && branch.members().get(1).id() == m.id()) {
            // F1a: 2% of 56000 is 1120; the computed dues stop at the monthly cap of 1000
            entry = rated(DuesCategory.ANNUAL_SALARY, from, money(56000), "首席数据专家，年薪制，按月实发数计算");
        } else if (m.id() % 9 == 4) {
            entry = rated(DuesCategory.SALARIED, from, money(5000 + m.age() * 90 + random.nextInt(2000)),
                    "按人事部门核定的月基数");
        } else {
            entry = payslip(m, from, habit == Habit.CHOSE_MORE ? new BigDecimal("300.00") : null);
        }
        bases.record(scope, m.id(), entry, "FORM");
    }

    /** F1: the payslip's items — the pay that counts, the tax withheld, the member's 五险一金 and 职业年金. */
    private BaseEntry payslip(Member m, YearMonth from, BigDecimal chosen) {
        int pay = (4800 + m.age() * 110 + random.nextInt(3000)) / 10 * 10;
        BigDecimal counted = money(pay);
        BigDecimal insurance = counted.multiply(new BigDecimal("0.225")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal annuity = counted.multiply(new BigDecimal("0.04")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal taxable = counted.subtract(insurance).subtract(annuity).subtract(money(5000));
        BigDecimal tax = taxable.signum() <= 0 ? BigDecimal.ZERO.setScale(2)
                : taxable.compareTo(money(3000)) <= 0 ? taxable.multiply(new BigDecimal("0.03")).setScale(2, RoundingMode.HALF_UP)
                : taxable.multiply(new BigDecimal("0.10")).subtract(money(210)).setScale(2, RoundingMode.HALF_UP);
        return new BaseEntry(DuesCategory.SALARIED, from, counted, tax, insurance, annuity, null, chosen,
                chosen == null ? "按" + from.getYear() + "年1月工资单核定" : "本人申请每月自愿多交，支部同意");
    }

    private static BaseEntry rated(DuesCategory category, YearMonth from, BigDecimal base, String note) {
        return new BaseEntry(category, from, null, null, null, null, base, null, note);
    }

    /** F4: waived from five months ago until half a year ahead, decided by the branch and approved by the committee. */
    private void approvedRelief(Member m) {
        YearMonth from = max(current.minusMonths(5), settings.firstMonth());
        if (from.isAfter(current)) {
            return; // the platform's first month is still ahead: nothing billed yet to relieve
        }
        LocalDate decided = earlier(from.minusMonths(1).atDay(20));
        DuesRelief r = reliefs.propose(scope, m.id(), new ReliefProposal(from, current.plusMonths(6), BigDecimal.ZERO,
                "配偶患重病长期住院，子女上学，家庭生活困难，经支部委员会研究提请免交", decided));
        reliefs.decide(scope, r.id(), true, "经机关党委会议研究，同意免交");
    }

    /** F4: a reduction the branch proposed this week, waiting in the committee's inbox. */
    private void proposeRelief(Member m) {
        reliefs.propose(scope, m.id(), new ReliefProposal(current.plusMonths(1), current.plusMonths(12),
                new BigDecimal("1.00"), "本人下岗后仅有灵活就业收入，家庭生活困难，经支部委员会研究提请每月减交为1元",
                today.minusDays(Math.min(2, today.getDayOfMonth() - 1))));
    }

    // ---- bills ---------------------------------------------------------------------------------------------------

    /** The month's bills for the whole tree, dated the 1st of the month as the monthly run would have made them. */
    private void bill(PlacedOrg root, YearMonth m) {
        BillRun run = bills.make(scope, root.org().id(), m);
        Instant made = at(m.atDay(1), 6);
        jdbc.sql("update dues_bill set created_at = ? where month = ? and created_at > ?")
                .params(offset(made), m.atDay(1), offset(made)).update();
        jdbc.sql("update dues_bill_run set made_at = ? where id = ? and made_at > ?")
                .params(offset(made), run.id(), offset(made)).update();
    }

    // ---- payments in the demo secretary's branch, through the ledger -----------------------------------------------

    private void pay(Member m, Habit habit, YearMonth month) {
        int day = 3 + (int) (m.id() * 7 % 20);
        switch (habit) {
            case QUARTERLY -> {
                if (month.getMonthValue() % 3 == 1) {
                    List<YearMonth> quarter = List.of(month, month.plusMonths(1), month.plusMonths(2));
                    record(m, quarter, month.atDay(8), PaymentMethod.TRANSFER, Payer.SELF, null, null);
                } else if (month.equals(settings.firstMonth())) {
                    record(m, List.of(month), month.atDay(8), PaymentMethod.TRANSFER, Payer.SELF, null, null);
                }
            }
            case BY_RELATIVE -> {
                // three months in hospital: the spouse brought them at once, with the branch's consent (F6)
                if (month.equals(current.minusMonths(5))) {
                    List<YearMonth> months = new ArrayList<>();
                    for (YearMonth b = current.minusMonths(7); !b.isAfter(month); b = b.plusMonths(1)) {
                        if (!b.isBefore(settings.firstMonth())) {
                            months.add(b);
                        }
                    }
                    record(m, months, month.atDay(20), PaymentMethod.CASH, Payer.RELATIVE, "张桂芳（配偶）", null);
                } else if (!month.isAfter(current.minusMonths(8)) || month.isAfter(current.minusMonths(5))) {
                    monthly(m, month, day);
                }
            }
            case PREPAYS -> {
                // before a six-week 援疆 assignment: this month and the next paid together
                if (month.equals(current.minusMonths(4))) {
                    record(m, List.of(month, month.plusMonths(1)), month.atDay(18), PaymentMethod.TRANSFER,
                            Payer.SELF, null, null);
                } else if (!month.equals(current.minusMonths(3))) {
                    monthly(m, month, day);
                }
            }
            case EXTRA, EXTRA_TO_CENTER -> {
                if (month.equals(current.minusMonths(5))) {
                    // F7: a voluntary extra on 七一; 1000 元 or more in one payment goes in full to the Center
                    BigDecimal extra = habit == Habit.EXTRA ? new BigDecimal("200.00") : new BigDecimal("1000.00");
                    record(m, List.of(month), month.atDay(1).plusDays(Math.min(day, 27)), PaymentMethod.TRANSFER,
                            Payer.SELF, null, extra);
                } else {
                    monthly(m, month, day);
                }
            }
            case MISTAKE_REVERSED -> {
                if (month.equals(current)) {
                    mistake(m);
                } else {
                    monthly(m, month, day);
                }
            }
            case OWES_LAST_MONTH -> behind(m, month, day, 1);
            case BEHIND_3 -> behind(m, month, day, 3);
            case BEHIND_5, BEHIND_JUSTIFIED -> behind(m, month, day, 5);
            case BEHIND_6 -> behind(m, month, day, 6);
            default -> monthly(m, month, day);
        }
    }

    /** Paid up to {@code months} before last month, nothing since. */
    private void behind(Member m, YearMonth month, int day, int months) {
        if (month.isBefore(current.minusMonths(months))) {
            monthly(m, month, day);
        }
    }

    /** The month's dues on its day (this month's only once that day has come), cash or transfer as the member likes. */
    private void monthly(Member m, YearMonth month, int day) {
        LocalDate on = month.atDay(Math.min(day, month.lengthOfMonth()));
        if (on.isAfter(today) || !open(m, month)) {
            return;
        }
        record(m, List.of(month), on, m.id() % 3 == 0 ? PaymentMethod.CASH : PaymentMethod.TRANSFER, Payer.SELF,
                null, null);
    }

    /** This month's dues entered under a wrong receipt number, reversed, and entered again. */
    private void mistake(Member m) {
        if (!open(m, current)) {
            return;
        }
        List<LedgerEntry> wrong = ledger.recordAsOf(scope, new RecordedPayment(m.id(), List.of(current),
                PaymentMethod.CASH, receipt(current) + "X", Payer.SELF, null, today, null, null), Instant.now());
        ledger.reverse(scope, wrong.get(0).id(), "收据号登记错误，按正确收据号重新登记");
        ledger.recordAsOf(scope, new RecordedPayment(m.id(), List.of(current), PaymentMethod.CASH, receipt(current),
                Payer.SELF, null, today, null, null), Instant.now());
    }

    private void record(Member m, List<YearMonth> months, LocalDate paidOn, PaymentMethod method, Payer payer,
                        String payerName, BigDecimal extra) {
        if (paidOn.isAfter(today)) {
            return;
        }
        YearMonth asOf = YearMonth.from(paidOn);
        boolean consent = months.stream().anyMatch(x -> !x.equals(asOf));
        ledger.recordAsOf(scope, new RecordedPayment(m.id(), months, method, receipt(asOf), payer, payerName, paidOn,
                consent ? DemoAccounts.SECRETARY_NAME : null, extra), at(paidOn, 10));
    }

    private boolean open(Member m, YearMonth month) {
        return jdbc.sql("select count(*) from dues_bill where member_id = ? and month = ? and status = 'OPEN'")
                .params(m.id(), month.atDay(1)).query(Integer.class).single() > 0;
    }

    private String receipt(YearMonth month) {
        return "DF" + month.getYear() + String.format("%02d", month.getMonthValue()) + "-" + String.format("%04d", ++receipts);
    }

    // ---- the rest of the tree, set-based ---------------------------------------------------------------------------

    /**
     * What the other branches' collectors recorded for the month, as the ledger writes it: one cash or transfer
     * PAYMENT per open bill with its allocation, the bill PAID, PAID and BILLS_PAID at every ancestor. Months before
     * last are paid in full; of last month nine in ten; of this month those whose day has come.
     */
    private void payElsewhere(PlacedOrg root, TreePath skipped, YearMonth m) {
        TreePath tree = new TreePath(root.org().path().value());
        int share = m.isBefore(current.minusMonths(1)) ? 100 : m.equals(current) ? 100 : 90;
        Map<String, Object> p = new HashMap<>();
        p.put("lo", tree.value());
        p.put("hi", tree.upperBound());
        p.put("skipLo", skipped.value());
        p.put("skipHi", skipped.upperBound());
        p.put("month", m.atDay(1));
        p.put("share", share);
        p.put("lastDay", m.equals(current) ? today.getDayOfMonth() : m.lengthOfMonth());
        p.put("prefix", "DF" + m.getYear() + String.format("%02d", m.getMonthValue()) + "-");
        String elsewhere = SubtreeRewrite.orgIdIn("b.org_id", "lo", "hi", "true")
                + " and not " + SubtreeRewrite.orgIdIn("b.org_id", "skipLo", "skipHi", "true");
        jdbc.sql("""
                with paying as (
                    select b.member_id, b.org_id, b.root_id, b.amount - b.paid as amount,
                           (:month::date + ((b.member_id * 7) % 20 + 2) * interval '1 day')::date as paid_on
                    from dues_bill b
                    where b.month = :month and b.status = 'OPEN' and\s""" + elsewhere + """

                      and (b.member_id * 31 + extract(month from b.month)::int) % 100 < :share
                      and (b.member_id * 7) % 20 + 3 <= :lastDay),
                entries as (
                    insert into dues_entry (kind, member_id, org_id, root_id, amount, method, receipt_no, payer,
                                            paid_on, recorded_by, recorded_at)
                    select 'PAYMENT', member_id, org_id, root_id, amount,
                           case when member_id % 3 = 0 then 'CASH' else 'TRANSFER' end,
                           :prefix || 'Z' || member_id, 'SELF', paid_on, '演示数据',
                           least(paid_on + time '10:00', now())
                    from paying
                    returning id, member_id, amount, org_id),
                allocated as (
                    insert into dues_allocation (entry_id, member_id, month, amount)
                    select id, member_id, :month, amount from entries),
                billed as (
                    update dues_bill b set paid = b.amount, status = 'PAID'
                    from entries e where b.member_id = e.member_id and b.month = :month),
                by_org as (select org_id, count(*) as bills, sum(amount) as amount from entries group by org_id),
                by_path as (select o.path as org_path, g.* from by_org g join organization o on o.id = g.org_id),
                deltas as (
                    select org_path, 'PAID' as metric, :month::date as period, (amount * 100)::bigint as n from by_path
                    union all select org_path, 'BILLS_PAID', :month::date, bills from by_path),
                rolled as (
                """ + rollup.appendByAncestorsSql("deltas") + """
                )
                select count(*) from entries""").params(p).query(Long.class).single();
    }

    // ---- 上缴 -------------------------------------------------------------------------------------------------------

    /** The branch remits what it collected (dues and extras that stay in the Party) up to last month. */
    private void remit(PlacedOrg branch) {
        YearMonth to = current.minusMonths(1);
        if (to.isBefore(settings.firstMonth())) {
            return;
        }
        TreePath path = new TreePath(branch.org().path().value());
        BigDecimal amount = jdbc.sql("""
                        select coalesce(sum(a.amount), 0) from dues_allocation a join dues_entry e on e.id = a.entry_id
                        where %s and a.month >= ? and a.month <= ?""".formatted(SubtreeRewrite.orgIdIn("e.org_id")))
                .params(path.value(), path.upperBound(), settings.firstMonth().atDay(1), to.atDay(1))
                .query(BigDecimal.class).single()
                .add(jdbc.sql("""
                                select coalesce(sum(amount), 0) from dues_entry
                                where kind = 'EXTRA' and not to_center and %s and paid_on < ?"""
                                .formatted(SubtreeRewrite.orgIdIn("org_id")))
                        .params(path.value(), path.upperBound(), current.atDay(1)).query(BigDecimal.class).single());
        if (amount.signum() > 0) {
            remittances.record(scope, new DuesRemittances.Remittance(branch.org().id(), settings.firstMonth(), to,
                    amount, today, "JGDW-SJ" + current.getYear() + String.format("%02d", current.getMonthValue()) + "-01"));
        }
    }

    // ---- dates ----------------------------------------------------------------------------------------------------

    private LocalDate earlier(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    private Instant at(LocalDate date, int hour) {
        Instant at = earlier(date).atTime(hour, 0).atZone(ZONE).toInstant();
        return at.isAfter(Instant.now()) ? Instant.now() : at;
    }

    private static java.time.OffsetDateTime offset(Instant at) {
        return at.atZone(ZONE).toOffsetDateTime();
    }

    private static YearMonth max(YearMonth a, YearMonth b) {
        return a.isAfter(b) ? a : b;
    }

    private static BigDecimal money(int yuan) {
        return BigDecimal.valueOf(yuan).setScale(2);
    }
}
