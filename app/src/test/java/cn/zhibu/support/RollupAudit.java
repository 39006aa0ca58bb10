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

    /** 发展党员 roll-up rows (organization and metric → n) that differ from counting the cases now, with the difference. */
    public java.util.Map<String, Long> admissionMismatches() {
        return jdbc.sql("""
                        select coalesce(f.org_id, k.org_id) || ' ' || coalesce(f.metric, k.metric) as key,
                               coalesce(f.n, 0) - coalesce(k.n, 0) as diff
                        from admission_rollup_recount f
                        full join (select * from admission_rollup where n <> 0) k
                          on k.org_id = f.org_id and k.metric = f.metric
                        where coalesce(f.n, 0) <> coalesce(k.n, 0)""")
                .query((rs, i) -> java.util.Map.entry(rs.getString("key"), rs.getLong("diff"))).list().stream()
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue,
                        (x, y) -> x, java.util.TreeMap::new));
    }
}
