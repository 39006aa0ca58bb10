package cn.zhibu.platform.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Catalog queries of the dump and the load, on a plain JDBC connection (the commands run without Spring's pool). */
final class Sql {

    private Sql() {
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static List<String> strings(Connection c, String query, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    static long number(Connection c, String query) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The tables of the current schema (partitions are dumped through their parent), but not those whose comment
     * says they are derived: triggers rebuild them as their source is loaded (V57 member_lookup).
     */
    static List<String> tables(Connection c) throws SQLException {
        return strings(c, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
                  and coalesce(obj_description(c.oid, 'pg_class'), '') not like 'derived %'
                order by c.relname""");
    }

    /** The columns a COPY can write: not dropped, not generated. */
    static List<String> columns(Connection c, String table) throws SQLException {
        return strings(c, """
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ? and a.attnum > 0 and not a.attisdropped
                  and a.attgenerated = ''
                order by a.attnum""", table);
    }

    static List<String> sequences(Connection c) throws SQLException {
        return strings(c, "select sequencename from pg_sequences where schemaname = current_schema() order by 1");
    }

    /** The tables with every table they reference before them, so that foreign keys hold at each step of a load. */
    static List<String> dependencyOrder(Connection c, List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new HashMap<>();
        tables.forEach(t -> parents.put(t, new HashSet<>()));
        try (PreparedStatement s = c.prepareStatement("""
                select ch.relname, pa.relname from pg_constraint k
                join pg_class ch on ch.oid = k.conrelid join pg_class pa on pa.oid = k.confrelid
                join pg_namespace n on n.oid = ch.relnamespace
                where k.contype = 'f' and n.nspname = current_schema() and ch.oid <> pa.oid""");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                if (parents.containsKey(rs.getString(1)) && parents.containsKey(rs.getString(2))) {
                    parents.get(rs.getString(1)).add(rs.getString(2));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Deque<String> ready = new ArrayDeque<>();
        TreeSet<String> waiting = new TreeSet<>(tables);
        while (!waiting.isEmpty()) {
            waiting.stream().filter(t -> done.containsAll(parents.get(t))).forEach(ready::add);
            if (ready.isEmpty()) {
                throw new IllegalStateException("foreign keys form a cycle among " + waiting);
            }
            while (!ready.isEmpty()) {
                String t = ready.poll();
                waiting.remove(t);
                done.add(t);
                order.add(t);
            }
        }
        return order;
    }
}
