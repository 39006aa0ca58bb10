package cn.zhibu.dues.internal;

import cn.zhibu.dues.DuesSettings;
import cn.zhibu.platform.SubtreeRewrite;
import cn.zhibu.platform.TreePath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

/**
 * Recounts the F8 fact ({@code dues_arrears}) for some members in one statement: their runs of consecutive unpaid
 * months from their bills, the rows that changed written, the rows of members whose run ended deleted, and the
 * roll-up of counts by length corrected by the difference (old row −1 at the ancestors of its organization as the
 * tree is now, new row +1 at those of the member's organization now). Runs in the caller's transaction (the bill
 * run's, the ledger's, a justification's), so the fact never lags the bills.
 */
@Component
public class ArrearsCounter {

    /** The one period of the arrears roll-up: the counts are a standing, not a month's figure. */
    public static final YearMonth STANDING = YearMonth.of(2000, 1);
    /** Runs this long or longer share one roll-up bucket. */
    public static final int LONGEST_BUCKET = 24;

    private final JdbcClient jdbc;
    private final DuesSettings settings;

    ArrearsCounter(JdbcClient jdbc, DuesSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The last month whose bill can be in arrears today: the current month is still being paid. */
    public static YearMonth lastCountedMonth(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }

    /** One member (a payment, a reversal, a justification). */
    public void recountMember(long memberId) {
        Map<String, Object> params = new HashMap<>();
        params.put("memberId", memberId);
        params.put("fromId", memberId);
        params.put("toId", memberId + 1);
        recount("select cast(:memberId as bigint) as member_id", params);
    }

    /**
     * A subtree after its bills were made: members with an open bill there, members counted there before, and members
     * now there whose fact still names another organization (moved by a transfer since).
     */
    public void recountSubtree(TreePath subtree) {
        recountSubtree(subtree, 0, Long.MAX_VALUE);
    }

    /** The same for the members of the subtree whose ids lie in [fromId, toId): a province is recounted in slices. */
    public void recountSubtree(TreePath subtree, long fromId, long toId) {
        Map<String, Object> params = new HashMap<>();
        params.put("lo", subtree.value());
        params.put("hi", subtree.upperBound());
        params.put("fromId", fromId);
        params.put("toId", toId);
        String inSubtree = SubtreeRewrite.orgIdIn("org_id", "lo", "hi", "true");
        recount("""
                select member_id from dues_bill
                 where member_id >= :fromId and member_id < :toId and %s
                   and status = 'OPEN' and month >= :first and month <= :last
                union
                select member_id from dues_arrears
                 where member_id >= :fromId and member_id < :toId and %s
                union
                select a.member_id from dues_arrears a join registry_member m on m.member_id = a.member_id
                 where a.member_id >= :fromId and a.member_id < :toId
                   and m.member_id >= :fromId and m.member_id < :toId
                   and m.org_path >= :lo and m.org_path < :hi and m.org_id <> a.org_id"""
                .formatted(inSubtree, inSubtree), params);
    }

    /**
     * The statement, for the candidates among the member ids [{@code :fromId}, {@code :toId}): every read of bills,
     * facts and members is bounded by that range too, so that a slice of a province reads its slice by the indexes
     * (the planner does not carry the range through the candidates' join: unbounded, each slice read every bill and
     * every member, 15 s a slice at 5 M members). No step joins two of its CTEs row by row: their row counts are
     * unknown to the planner (estimated at one), and a nested loop over two 100,000-row CTEs ran for minutes — set
     * operations and grouping instead.
     */
    private void recount(String candidates, Map<String, Object> params) {
        params.put("first", settings.firstMonth().atDay(1));
        params.put("last", lastCountedMonth(LocalDate.now()).atDay(1));
        params.put("period", STANDING.atDay(1));
        params.put("longest", LONGEST_BUCKET);
        // One statement: every CTE reads the table as it was before, so "old" is the fact before this recount.
        jdbc.sql("""
                with cand as (%s),
                bill as (
                    select b.member_id, b.month, (b.status = 'OPEN' and b.justified is null) as owing
                      from cand c join dues_bill b on b.member_id = c.member_id
                     where b.member_id >= :fromId and b.member_id < :toId
                       and b.month >= :first and b.month <= :last and b.status <> 'VOID'),
                islands as (
                    -- consecutive owing months share an island number
                    select member_id, month, owing,
                           (extract(year from month)::int * 12 + extract(month from month)::int)
                               - row_number() over (partition by member_id, owing order by month) as island
                      from bill),
                tagged as (
                    select member_id, month, owing, island,
                           first_value(owing) over latest as latest_owing,
                           first_value(island) over latest as latest_island
                      from islands
                    window latest as (partition by member_id order by month desc)),
                run as (
                    -- the run of owing months that reaches the latest bill, if that one is owed
                    select member_id, count(*)::int as months, min(month) as since, max(month) as until
                      from tagged
                     where latest_owing and owing and island = latest_island
                     group by member_id),
                fresh as (
                    select r.member_id, m.org_id, m.org_path, m.root_id, r.months, r.since, r.until
                      from run r join registry_member m on m.member_id = r.member_id
                     where m.member_id >= :fromId and m.member_id < :toId),
                old as (
                    select a.member_id, o.path as org_path, a.months
                      from dues_arrears a join cand c on c.member_id = a.member_id
                      join organization o on o.id = a.org_id
                     where a.member_id >= :fromId and a.member_id < :toId),
                gone as (
                    delete from dues_arrears a
                     using (select member_id from cand except select member_id from fresh) g
                     where a.member_id = g.member_id and a.member_id >= :fromId and a.member_id < :toId),
                kept as (
                    insert into dues_arrears as a (member_id, org_id, root_id, months, since, until)
                    select member_id, org_id, root_id, months, since, until from fresh
                    on conflict (member_id) do update set org_id = excluded.org_id, root_id = excluded.root_id,
                        months = excluded.months, since = excluded.since, until = excluded.until, counted_at = now()
                     where (a.org_id, a.months, a.since, a.until)
                           is distinct from (excluded.org_id, excluded.months, excluded.since, excluded.until)),
                change as (
                    -- a member counted in the same bucket at the same place before and after changes nothing
                    select org_path, metric, sum(n) as n from (
                        select member_id, org_path, 'RUN_' || least(months, :longest) as metric, -1 as n from old
                        union all
                        select member_id, org_path, 'RUN_' || least(months, :longest), 1 from fresh) x
                    group by member_id, org_path, metric
                    having sum(n) <> 0)
                insert into dues_arrears_rollup_delta (org_id, metric, period, n)
                select cast(ancestor as bigint), metric, :period, sum(n)
                  from change cross join lateral unnest(string_to_array(trim(both '/' from org_path), '/')) ancestor
                 group by ancestor, metric
                having sum(n) <> 0""".formatted(candidates))
                .params(params)
                .update();
    }
}
