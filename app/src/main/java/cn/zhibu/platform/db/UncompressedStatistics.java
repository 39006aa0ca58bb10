package cn.zhibu.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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

    /** The arrays of pg_statistic's five slots: the values (most common, histogram) and their frequencies. */
    private static final List<String> ARRAYS = IntStream.rangeClosed(1, 5).boxed()
            .flatMap(slot -> Stream.of("stavalues" + slot, "stanumbers" + slot)).toList();
    private static final String NAMED = ARRAYS.stream().map(a -> "'" + a + "'").collect(Collectors.joining(", "));
    private static final String STORE_EXTERNAL = ARRAYS.stream().map(a -> "alter column " + a + " set storage external")
            .collect(Collectors.joining(", ", "alter table pg_statistic ", ""));
    private static final String ANY_COMPRESSED = ARRAYS.stream().map(a -> "pg_column_compression(s." + a + ")")
            .collect(Collectors.joining(", ", "num_nonnulls(", ") > 0"));

    private UncompressedStatistics() {
    }

    /** Sets the statistics' columns to uncompressed storage; false when they already were. */
    static boolean store(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            try (ResultSet rs = s.executeQuery("select count(*) from pg_attribute where attrelid = 'pg_statistic'::regclass"
                    + " and attname in (" + NAMED + ") and attstorage <> 'e'")) {
                rs.next();
                if (rs.getInt(1) == 0) {
                    return false;
                }
            }
            s.execute("set allow_system_table_mods = on");
            try {
                s.execute(STORE_EXTERNAL);
            } finally {
                s.execute("reset allow_system_table_mods");
            }
            return true;
        }
    }

    /** The application's columns whose statistics are still stored compressed, by table (quoted for ANALYZE). */
    static Map<String, String> stillCompressed(Connection connection) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("select s.starelid::regclass::text, string_agg(distinct quote_ident(a.attname), ', ')"
                     + " from pg_statistic s join pg_attribute a on a.attrelid = s.starelid and a.attnum = s.staattnum"
                     + " join pg_class c on c.oid = s.starelid join pg_namespace n on n.oid = c.relnamespace"
                     + " where n.nspname not in ('pg_catalog', 'information_schema') and " + ANY_COMPRESSED
                     + " group by 1 order by 1")) {
            while (rs.next()) {
                columns.put(rs.getString(1), rs.getString(2));
            }
        }
        return columns;
    }
}
