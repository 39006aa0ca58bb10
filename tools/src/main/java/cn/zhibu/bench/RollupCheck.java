package cn.zhibu.bench;

import java.util.Collection;
import java.util.List;

/**
 * Recounts the members of some organizations' subtrees from scratch, by path range, in all five roll-up dimensions,
 * and counts the member_rollup rows that disagree (the same recount as the tests' RollupAudit, limited to the given
 * organizations because a full recount of every organization would take far longer than the workload).
 */
final class RollupCheck {

    record Result(int orgs, long mismatches, List<String> examples, long millis) {
    }

    private static final String MISMATCHES = """
            with orgs as (select id, path from organization where id = any(?)),
            fresh as (
                select o.id as org_id, d.dim, d.val, m.status, count(*)::int as n
                from orgs o
                join member m on m.org_path >= o.path and m.org_path < left(o.path, -1) || '0'
                cross join lateral (values ('gender', m.gender), ('education', m.education),
                                           ('ethnicity', m.ethnicity), ('occupation', m.occupation),
                                           ('birth_year', extract(year from m.birth_date)::int::text)) d(dim, val)
                group by 1, 2, 3, 4),
            kept as (select org_id, dim, val, status, n from member_rollup_now where org_id = any(?) and n <> 0)
            select count(*) over (),
                   coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.dim, k.dim) || '=' || coalesce(f.val, k.val)
                   || ' ' || coalesce(f.status, k.status) || ': fresh ' || coalesce(f.n, 0)
                   || ', roll-up ' || coalesce(k.n, 0)
            from fresh f full join kept k
              on f.org_id = k.org_id and f.dim = k.dim and f.val = k.val and f.status = k.status
            where coalesce(f.n, 0) <> coalesce(k.n, 0)
            limit 5""";

    private final Db db;

    RollupCheck(Db db) {
        this.db = db;
    }

    Result check(Collection<Long> orgIds) {
        Long[] ids = orgIds.stream().distinct().toArray(Long[]::new);
        long start = System.nanoTime();
        record Mismatch(long total, String line) {
        }
        List<Mismatch> rows = db.query(MISMATCHES, rs -> new Mismatch(rs.getLong(1), rs.getString(2)), ids, ids);
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(ids.length, rows.isEmpty() ? 0 : rows.get(0).total(),
                rows.stream().map(Mismatch::line).toList(), millis);
    }
}
