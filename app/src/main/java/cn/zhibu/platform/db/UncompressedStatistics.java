package cn.zhibu.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The planner's statistics of the embedded cluster, stored uncompressed.
 * <p>
 * PostgreSQL keeps each column's most common values and histogram in {@code pg_statistic}, compressed once they pass
 * about 2 kB, and decompresses them every time a statement is planned (the catalog cache keeps them compressed). The
 * subtree paths keep 1,000 of each (V1 and the modules' migrations: a path range's selectivity runs from one branch to
 * the province) — about 60 kB for {@code member.org_path} — and at 5 M members half the planning of a branch's simple
 * read went to decompressing them: 0.58 → 0.24 ms once stored uncompressed, the inbox's fifty statements 28 → 21 ms.
 * Stored {@code EXTERNAL} they still live out of line but are read into the catalog cache once, as they are.
 * <p>
 * Changing a catalog column takes a superuser, which the embedded cluster's own user is; a server of one's own
 * ({@code spring.datasource.url}) is left as its DBA keeps it (the README gives the statements). Statistics written
 * before the change stay compressed until their table is analyzed again: {@link StatisticsRewrite} does that once.
 */
final class UncompressedStatistics {

    private static final int SLOTS = 5;

    private UncompressedStatistics() {
    }

    /** Sets the statistics' columns to uncompressed storage; false when they already were. */
    static boolean store(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from pg_attribute where attrelid = 'pg_statistic'::regclass"
                    + " and (attname like 'stavalues%' or attname like 'stanumbers%') and attstorage <> 'e'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return false;
                }
            }
            StringBuilder alter = new StringBuilder("alter table pg_statistic");
            for (int slot = 1; slot <= SLOTS; slot++) {
                alter.append(slot == 1 ? " " : ", ").append("alter column stavalues").append(slot)
                        .append(" set storage external, alter column stanumbers").append(slot).append(" set storage external");
            }
            s.execute("set allow_system_table_mods = on");
            try {
                s.execute(alter.toString());
            } finally {
                s.execute("reset allow_system_table_mods");
            }
            return true;
        }
    }

    /** The application's columns whose statistics are still stored compressed, by table (quoted for ANALYZE). */
    static Map<String, String> stillCompressed(Connection connection) throws SQLException {
        StringBuilder compressed = new StringBuilder();
        for (int slot = 1; slot <= SLOTS; slot++) {
            compressed.append(slot == 1 ? "" : ", ").append("pg_column_compression(s.stavalues").append(slot)
                    .append("), pg_column_compression(s.stanumbers").append(slot).append(')');
        }
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select s.starelid::regclass::text, string_agg(distinct quote_ident(a.attname), ', ')"
                     + " from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum"
                     + " join pg_class c on c.oid = s.starelid join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname not in ('pg_catalog', 'information_schema') and num_nonnulls(" + compressed + ") > 0"
                     + " group by 1 order by 1")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        return columns;
    }
}
