package cn.zhibu.dues.internal;

import cn.zhibu.dues.AmountMode;
import cn.zhibu.dues.DuesCategory;
import cn.zhibu.dues.DuesSettings;
import cn.zhibu.dues.ProbationStart;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The month's bills for a subtree, set-based: who owes (the registry, from their first month, F5), on which base
 * ({@link cn.zhibu.dues.ApplicableBase} restated in SQL: keep the two together) or approved relief (F4), made in one
 * {@code INSERT … SELECT} with the roll-up deltas grouped per ancestor in the same statement. A province of 5 M
 * members is one statement: hash joins and one sort, no per-member probes.
 */
@Repository
public class BillStatements {

    /** Rated categories whose new base counts at once even under 年初核定 (DuesCategory#variesWithinYear). */
    private static final String VARYING = Arrays.stream(DuesCategory.values()).filter(DuesCategory::variesWithinYear)
            .map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));

    /**
     * Who owes the month, and on what: registry members of [:lo, :hi) from their first month, with the base that
     * counts for the month and an approved relief covering it; a member with neither has no bill ({@code due}) and
     * is listed as 未核定 ({@code unbased}).
     */
    private static final String OWING = """
            owing as (
                select r.member_id, r.org_id, r.root_id,
                       greatest(coalesce(s.first_month,
                                         case when r.status = 'PROBATIONARY' and r.joined_on is not null
                                              then (date_trunc('month', r.joined_on)
                                                    + case when :nextMonth then interval '1 month' else interval '0 month' end)::date
                                         end,
                                         :firstMonth), :firstMonth) as first_month
                from registry_member r left join dues_start s on s.member_id = r.member_id
                where r.org_path >= :lo and r.org_path < :hi),
            billable as (select * from owing where first_month <= :month),
            picked_base as (
                select distinct on (b.member_id) b.member_id, b.id as base_id, b.amount
                from dues_base b join billable o on o.member_id = b.member_id
                where b.effective_month <= :month
                  and (:monthly or b.category in (%s) or b.effective_month <= greatest(:january, o.first_month))
                order by b.member_id, b.effective_month desc, b.id desc),
            picked_relief as (
                select distinct on (d.member_id) d.member_id, d.id as relief_id, d.amount
                from dues_relief d join billable o on o.member_id = d.member_id
                where d.status = 'APPROVED' and d.from_month <= :month and d.to_month >= :month
                order by d.member_id, d.id desc),
            priced as (
                select o.member_id, o.org_id, o.root_id, pb.base_id, pr.relief_id,
                       coalesce(pr.amount, pb.amount) as amount
                from billable o left join picked_base pb on pb.member_id = o.member_id
                                left join picked_relief pr on pr.member_id = o.member_id),
            due as (select * from priced where base_id is not null or relief_id is not null)
            """.formatted(VARYING);

    /** Advisory lock keys of bill runs: this plus the month's number (year × 12 + month). */
    private static final long LOCK_BASE = 0x6475657300000000L;

    private final JdbcClient jdbc;
    private final MonthlyRollup rollup;

    BillStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.rollup = new MonthlyRollup(jdbc, BillRollup.TABLE);
    }

    /** What one statement made. */
    public record Made(int bills, BigDecimal amount, int paid, int waived) {
    }

    /**
     * Makes the missing bills of the month for the subtree (and re-bills VOID ones, the one permitted update of an
     * amount): a month the member prepaid (allocations exist) is made PAID once they cover it; an approved waiver
     * makes it WAIVED. Roll-up: DUE (分) and BILLS for every bill, BILLS_PAID for those born PAID or WAIVED (nothing
     * left to collect); PAID (分) is the ledger's, counted when it allocated the money.
     */
    public Made make(TreePath subtree, YearMonth month, DuesSettings settings) {
        Map<String, Object> params = params(subtree, month, settings);
        // one run of a month at a time: the plain insert below relies on no other run adding the same bills
        jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", LOCK_BASE + month.getYear() * 12L + month.getMonthValue())
                .query((rs, i) -> 1).list();
        boolean voided = jdbc.sql("select exists (select 1 from dues_bill where month = :month and status = 'VOID')")
                .param("month", month.atDay(1)).query(Boolean.class).single();
        // Without VOID bills to make again (the usual case) a plain insert of the missing bills in primary-key order:
        // ON CONFLICT's speculative insertion costs several times more per row at a province's 5 M bills.
        String insert = voided ? """
                    from due d left join prepaid p on p.member_id = d.member_id
                    on conflict (member_id, month) do update
                        set org_id = excluded.org_id, root_id = excluded.root_id,
                            amount = excluded.amount, paid = excluded.paid, status = excluded.status,
                            base_id = excluded.base_id, relief_id = excluded.relief_id, void_reason = null,
                            justified = null, created_at = now()
                        where b.status = 'VOID'""" : """
                    from due d left join prepaid p on p.member_id = d.member_id
                    where not exists (select 1 from dues_bill x where x.member_id = d.member_id and x.month = :month)
                    order by d.member_id""";
        String sql = "with " + OWING + """
                , prepaid as (
                    select a.member_id, sum(a.amount) as paid from dues_allocation a
                    where a.month = :month group by a.member_id having sum(a.amount) > 0),
                made as (
                    insert into dues_bill as b (member_id, month, org_id, root_id, amount, paid, status, base_id,
                                                relief_id)
                    select d.member_id, :month, d.org_id, d.root_id, d.amount, coalesce(p.paid, 0),
                           case when d.relief_id is not null and d.amount = 0 then 'WAIVED'
                                when coalesce(p.paid, 0) >= d.amount then 'PAID' else 'OPEN' end,
                           d.base_id, d.relief_id
                """ + insert + """

                    returning b.org_id, b.amount, b.status),
                by_org as (
                    select org_id, count(*) as bills, sum(amount) as amount,
                           count(*) filter (where status = 'PAID') as paid,
                           count(*) filter (where status = 'WAIVED') as waived
                    from made group by org_id),
                by_path as (select o.path as org_path, g.* from by_org g join organization o on o.id = g.org_id),
                deltas as (
                    select org_path, 'DUE' as metric, :month as period, (amount * 100)::bigint as n from by_path
                    union all select org_path, 'BILLS', :month, bills from by_path
                    union all select org_path, 'BILLS_PAID', :month, paid + waived from by_path where paid + waived > 0),
                rolled as (
                """ + rollup.appendByAncestorsSql("deltas") + """
                )
                select coalesce(sum(bills), 0)::int as bills, coalesce(sum(amount), 0) as amount,
                       coalesce(sum(paid), 0)::int as paid, coalesce(sum(waived), 0)::int as waived
                from by_path""";
        return jdbc.sql(sql).params(params).query((rs, i) -> new Made(rs.getInt("bills"),
                rs.getBigDecimal("amount").setScale(2), rs.getInt("paid"), rs.getInt("waived"))).single();
    }

    /** Members of the subtree who owe the month but have neither a base that counts nor an approved relief. */
    public long countUnbased(TreePath subtree, YearMonth month, DuesSettings settings, int limit) {
        Map<String, Object> params = params(subtree, month, settings);
        params.put("limit", limit);
        return jdbc.sql("with " + OWING + " select count(*) from (select 1 from priced"
                        + " where base_id is null and relief_id is null limit :limit) u")
                .params(params).query(Long.class).single();
    }

    /** Member ids of the subtree who owe the month without a base or relief, in id order (at most limit). */
    public java.util.List<Long> unbased(TreePath subtree, YearMonth month, DuesSettings settings, int limit) {
        Map<String, Object> params = params(subtree, month, settings);
        params.put("limit", limit);
        return jdbc.sql("with " + OWING + " select member_id from priced where base_id is null and relief_id is null"
                        + " order by member_id limit :limit")
                .params(params).query(Long.class).list();
    }

    /** The base id each member of the subtree who owes the month is billed on (no base: absent), as the bill run picks it. */
    public Map<Long, Long> pickedBases(TreePath subtree, YearMonth month, DuesSettings settings) {
        Map<Long, Long> picked = new LinkedHashMap<>();
        jdbc.sql("with " + OWING + " select member_id, base_id from priced where base_id is not null order by member_id")
                .params(params(subtree, month, settings))
                .query((rs, i) -> picked.put(rs.getLong(1), rs.getLong(2))).list();
        return picked;
    }

    private static Map<String, Object> params(TreePath subtree, YearMonth month, DuesSettings settings) {
        Map<String, Object> params = new HashMap<>();
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        params.put("month", month.atDay(1));
        params.put("january", YearMonth.of(month.getYear(), 1).atDay(1));
        params.put("firstMonth", settings.firstMonth().atDay(1));
        params.put("monthly", settings.amountMode() == AmountMode.MONTHLY);
        params.put("nextMonth", settings.probationStart() == ProbationStart.NEXT_MONTH);
        return params;
    }
}
