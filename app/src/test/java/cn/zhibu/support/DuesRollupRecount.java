package cn.zhibu.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Recounts the 党费 roll-up of a subtree from bills and the ledger and lists every (organization, metric, month) where
 * the kept roll-up (folded plus pending) disagrees. PAID counts where the bill is, or, for a month paid before its
 * bill existed, where the paying entry is.
 */
@Component
public class DuesRollupRecount {

    private final JdbcClient jdbc;

    public DuesRollupRecount(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> mismatches(String subtreePath) {
        return jdbc.sql("""
                with by_org as (
                    select org_id, 'DUE' as metric, month, (amount * 100)::bigint as n from dues_bill where status <> 'VOID'
                    union all select org_id, 'BILLS', month, 1 from dues_bill where status <> 'VOID'
                    union all select org_id, 'BILLS_PAID', month, 1 from dues_bill where status = 'PAID'
                    union all
                    select coalesce(b.org_id, e.org_id), 'PAID', a.month, (a.amount * 100)::bigint
                    from dues_allocation a join dues_entry e on e.id = a.entry_id
                    left join dues_bill b on b.member_id = a.member_id and b.month = a.month
                    union all
                    select e.org_id, 'EXTRA', date_trunc('month', coalesce(o.paid_on, e.paid_on))::date,
                           (e.amount * 100)::bigint
                    from dues_entry e left join dues_entry o on o.id = e.reverses
                    where e.kind = 'EXTRA' or o.kind = 'EXTRA'
                    union all
                    select e.org_id, 'REMITTED', coalesce(o.period_to, e.period_to), (e.amount * 100)::bigint
                    from dues_entry e left join dues_entry o on o.id = e.reverses
                    where e.kind = 'REMITTANCE' or o.kind = 'REMITTANCE'),
                facts as (select o.path as org_path, f.metric, f.month, f.n from by_org f join organization o on o.id = f.org_id),
                fresh as (
                    select o.id as org_id, f.metric, f.month as period, sum(f.n) as n
                    from organization o join facts f on f.org_path >= o.path and f.org_path < left(o.path, -1) || '0'
                    where o.path >= :lo and o.path < :hi group by 1, 2, 3 having sum(f.n) <> 0),
                kept as (
                    select r.org_id, r.metric, r.period, sum(r.n) as n
                    from (select * from dues_rollup union all select * from dues_rollup_delta) r
                    join organization o on o.id = r.org_id and o.path >= :lo and o.path < :hi
                    group by 1, 2, 3 having sum(r.n) <> 0)
                select coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.metric, k.metric) || ' '
                       || coalesce(f.period, k.period) || ': fresh ' || coalesce(f.n, 0) || ', roll-up ' || coalesce(k.n, 0)
                from fresh f full join kept k on f.org_id = k.org_id and f.metric = k.metric and f.period = k.period
                where coalesce(f.n, 0) <> coalesce(k.n, 0)""")
                .param("lo", subtreePath).param("hi", subtreePath.substring(0, subtreePath.length() - 1) + "0")
                .query(String.class).list();
    }
}
