package cn.zhibu.bench;

/**
 * A side table {@code bench_ruoyi_dept} holding the tree the way RuoYi's sys_dept does: each department's
 * {@code ancestors} as '0,' and the ids above it joined by commas (a top department has '0'), indexed for prefix
 * LIKE. Refilled from organization on every run so that it always mirrors the data measured.
 */
final class RuoyiDeptTable {

    static final String NAME = "bench_ruoyi_dept";

    private final Db db;

    RuoyiDeptTable(Db db) {
        this.db = db;
    }

    void refresh() {
        db.execute("create table if not exists " + NAME
                + " (dept_id bigint primary key, parent_id bigint, ancestors text not null)");
        db.execute("truncate " + NAME);
        db.execute("""
                insert into %s (dept_id, parent_id, ancestors)
                select id, parent_id,
                       case when depth = 1 then '0'
                            else '0,' || array_to_string((string_to_array(trim(both '/' from path), '/'))[1:depth - 1], ',')
                       end
                from organization""".formatted(NAME));
        db.execute("create index if not exists " + NAME + "_ancestors on " + NAME + " (ancestors text_pattern_ops)");
        db.execute("analyze " + NAME);
    }

    /** What a descendant's ancestors begin with: the department's own ancestors, then its id. */
    String chainOf(long deptId) {
        return db.query("select ancestors || ',' || dept_id from " + NAME + " where dept_id = ?",
                rs -> rs.getString(1), deptId).stream().findFirst()
                .orElseThrow(() -> new BenchException("organization " + deptId + " is missing from " + NAME));
    }
}
