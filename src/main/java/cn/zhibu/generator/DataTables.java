package cn.zhibu.generator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables a generated province replaces. The generator only fills an empty database, or, with --replace,
 * empties these first in the same transaction as the load, so a failed load leaves the old data in place.
 */
final class DataTables {

    /** Every table of application data; the Flyway history and the event publication registry stay. */
    private static final String ALL = "audit_log, api_token, user_role, app_user, committee_seat, committee_term, "
            + "publicity_comment, publicity, floating_outflow, floating_inflow, member_transfer_step, member_transfer, member_status_event, member_archive, member_rollup, member_rollup_delta, org_rollup, member, organization, spring_session_attributes, spring_session";

    private DataTables() {
    }

    static void requireEmptyOrReplace(JdbcClient jdbc, boolean replace) {
        if (replace) {
            // the audit log refuses TRUNCATE by trigger (append-only); as the owner we lift that for this transaction
            jdbc.sql("alter table audit_log disable trigger user").update();
            jdbc.sql("truncate table " + ALL).update();
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
