package cn.zhibu.support;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/** Recounts members and organizations from scratch and lists every roll-up row that disagrees. */
@Component
public class RollupAudit {

    private final JdbcClient jdbc;

    public RollupAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of what readers see (folded counts plus pending changes) that differ from a fresh count. */
    public List<String> memberMismatches() {
        return memberMismatchesIn("member_rollup_now");
    }

    /** The same against the folded table alone: exact only once every pending change is folded. */
    public List<String> foldedMemberMismatches() {
        return memberMismatchesIn("member_rollup");
    }

    public long pendingRollupRows() {
        return jdbc.sql("select count(*) from member_rollup_delta").query(Long.class).single();
    }

    private List<String> memberMismatchesIn(String table) {
        return jdbc.sql("""
                with fresh as (
                    select o.id as org_id, d.dim, d.val, m.status, count(*)::int as n
                    from organization o
                    join member m on m.org_path >= o.path and m.org_path < left(o.path, -1) || '0'
                    cross join lateral (values ('gender', m.gender), ('education', m.education),
                                               ('ethnicity', m.ethnicity), ('occupation', m.occupation),
                                               ('birth_year', extract(year from m.birth_date)::int::text)) d(dim, val)
                    group by 1, 2, 3, 4),
                kept as (select org_id, dim, val, status, n from %s where n <> 0)
                select coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.dim, k.dim) || '=' || coalesce(f.val, k.val)
                       || ' ' || coalesce(f.status, k.status) || ': fresh ' || coalesce(f.n, 0) || ', roll-up ' || coalesce(k.n, 0)
                from fresh f full join kept k
                  on f.org_id = k.org_id and f.dim = k.dim and f.val = k.val and f.status = k.status
                where coalesce(f.n, 0) <> coalesce(k.n, 0)""".formatted(table))
                .query(String.class).list();
    }

    public List<String> organizationMismatches() {
        return jdbc.sql("""
                with fresh as (
                    select o.id as org_id, c.type, count(*)::int as n
                    from organization o
                    join organization c on c.path >= o.path and c.path < left(o.path, -1) || '0' and c.status = 'ACTIVE'
                    group by 1, 2),
                kept as (select org_id, type, n from org_rollup where n <> 0)
                select coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.type, k.type) || ': fresh ' || coalesce(f.n, 0)
                       || ', roll-up ' || coalesce(k.n, 0)
                from fresh f full join kept k on f.org_id = k.org_id and f.type = k.type
                where coalesce(f.n, 0) <> coalesce(k.n, 0)""")
                .query(String.class).list();
    }

    /**
     * 发展党员 roll-up rows (organization and metric → n) that differ from counting the cases now, with the difference;
     * the same count migration V15 backfills with.
     */
    public java.util.Map<String, Long> admissionMismatches() {
        java.util.Map<String, Long> fresh = new java.util.HashMap<>();
        jdbc.sql("""
                        select a.org_id || ' ' || m.metric as k, count(*) as n from admission_case c
                        cross join lateral (values ('STAGE:' || c.stage),
                                                   ('ADMITTED:' || extract(year from c.approved_on)::int),
                                                   ('CONVERTED:' || extract(year from c.converted_on)::int)) as m(metric)
                        cross join lateral unnest(string_to_array(trim(both '/' from c.org_path), '/')::bigint[]) as a(org_id)
                        where m.metric is not null group by 1""")
                .query(rs -> {
                    fresh.put(rs.getString("k"), rs.getLong("n"));
                });
        java.util.Map<String, Long> kept = new java.util.HashMap<>();
        jdbc.sql("select org_id || ' ' || metric as k, n from admission_rollup where n <> 0")
                .query(rs -> {
                    kept.put(rs.getString("k"), rs.getLong("n"));
                });
        java.util.Map<String, Long> diff = new java.util.TreeMap<>();
        fresh.forEach((k, n) -> {
            if (!n.equals(kept.get(k))) {
                diff.put(k, n - kept.getOrDefault(k, 0L));
            }
        });
        kept.forEach((k, n) -> {
            if (!fresh.containsKey(k)) {
                diff.put(k, -n);
            }
        });
        return diff;
    }
}
