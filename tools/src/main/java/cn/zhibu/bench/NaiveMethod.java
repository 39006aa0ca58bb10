package cn.zhibu.bench;

/**
 * How peers count a dashboard without roll-ups: find the subtree at request time, then COUNT(*) its members by
 * gender and status. Plain SQL with literals, as an ORM or a MyBatis mapper would send it.
 */
enum NaiveMethod {

    /** Walks parent_id down from the organization, level by level. */
    RECURSIVE_CTE("recursive_cte") {
        @Override
        String sql(long orgId, String ancestorChain) {
            return """
                    with recursive subtree(id) as (
                        select id from organization where id = %d
                        union all
                        select o.id from organization o join subtree s on o.parent_id = s.id)
                    select m.gender, m.status, count(*) from member m join subtree s on m.org_id = s.id
                    group by m.gender, m.status""".formatted(orgId);
        }
    },

    /**
     * RuoYi's data scope: the department itself or any whose ancestors start with this one's chain. The chain is
     * matched whole ('0,1,23' or '0,1,23,…') so that department 23 does not also take in 234.
     */
    ANCESTORS_LIKE("ancestors_like") {
        @Override
        String sql(long orgId, String ancestorChain) {
            return """
                    select m.gender, m.status, count(*) from member m
                    where m.org_id in (select dept_id from %s
                                       where dept_id = %d or ancestors = '%s' or ancestors like '%s,%%')
                    group by m.gender, m.status""".formatted(RuoyiDeptTable.NAME, orgId, ancestorChain, ancestorChain);
        }
    };

    private final String label;

    NaiveMethod(String label) {
        this.label = label;
    }

    /** {@code ancestorChain} is digits and commas only (read from the side table), so inlining it is safe. */
    abstract String sql(long orgId, String ancestorChain);

    String operation(Level level) {
        return "baseline_" + label + "_dashboard_" + level.label();
    }
}
