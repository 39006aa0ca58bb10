package cn.zhibu.generator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables a generated province replaces. The generator only fills an empty database, or, with --replace,
 * empties these first in the same transaction as the load, so a failed load leaves the old data in place.
 */
final class DataTables {

    /**
     * Tables that are not a province's data: the migration history, the event publication registry and reference
     * data shipped with the platform (the holiday calendar, the T1/T2 study targets of V40). Every other table is application data and is emptied,
     * so a module added later is covered without being listed here.
     */
    private static final String KEEP = "'flyway_schema_history', 'event_publication', 'event_publication_archive', "
            + "'calendar_day', 'study_target', 'bench_ruoyi_dept'";

    private DataTables() {
    }

    static void requireEmptyOrReplace(JdbcClient jdbc, boolean replace) {
        if (replace) {
            // the audit log refuses TRUNCATE by trigger (append-only); as the owner we lift that for this transaction
            jdbc.sql("alter table audit_log disable trigger user").update();
            String all = jdbc.sql("select string_agg(quote_ident(tablename), ', ') from pg_tables "
                    + "where schemaname = current_schema() and tablename not in (" + KEEP + ")")
                    .query(String.class).single();
            jdbc.sql("truncate table " + all).update();
            jdbc.sql("alter table audit_log enable trigger user").update();
            return;
        }
        long organizations = count(jdbc, "organization");
        long members = count(jdbc, "member");
        long users = count(jdbc, "app_user");
        if (organizations + members + users > 0) {
            throw new GenerationRefused(String.format("数据库中已有数据（党组织 %,d 个、党员 %,d 名、账号 %,d 个），未做任何改动。"
                    + "如确需删除全部现有数据（含账号和审计日志）并重新生成，请加 --replace 参数。", organizations, members, users));
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
