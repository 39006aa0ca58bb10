package cn.zhibu.generator;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * A table's secondary indexes and foreign keys, dropped before a bulk load and recreated from their saved
 * definitions afterwards: building an index once over sorted data, and checking a foreign key with one join, is
 * far cheaper than maintaining them row by row. Constraint-backed indexes (the primary key) stay.
 */
final class DroppedStructures {

    private record Definition(String name, String sql) {
    }

    private final JdbcClient jdbc;
    private final String table;
    private final List<Definition> indexes;
    private final List<Definition> foreignKeys;

    private DroppedStructures(JdbcClient jdbc, String table, List<Definition> indexes, List<Definition> foreignKeys) {
        this.jdbc = jdbc;
        this.table = table;
        this.indexes = indexes;
        this.foreignKeys = foreignKeys;
    }

    static DroppedStructures drop(JdbcClient jdbc, String table) {
        List<Definition> indexes = jdbc.sql("""
                        select i.indexname, i.indexdef from pg_indexes i
                        where i.schemaname = current_schema() and i.tablename = ?
                          and not exists (select 1 from pg_constraint c
                                          where c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
                        order by i.indexname""")
                .param(table).query((rs, n) -> new Definition(rs.getString(1), rs.getString(2))).list();
        List<Definition> foreignKeys = jdbc.sql("""
                        select conname, pg_get_constraintdef(oid) from pg_constraint
                        where conrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?)) and contype = 'f'
                        order by conname""")
                .param(table).query((rs, n) -> new Definition(rs.getString(1), rs.getString(2))).list();
        for (Definition fk : foreignKeys) {
            jdbc.sql("alter table " + table + " drop constraint " + quoted(fk.name())).update();
        }
        for (Definition index : indexes) {
            jdbc.sql("drop index " + quoted(index.name())).update();
        }
        return new DroppedStructures(jdbc, table, indexes, foreignKeys);
    }

    /** Recreates what was dropped; a duplicate or a dangling reference fails here and rolls the load back. */
    void restore() {
        for (Definition index : indexes) {
            jdbc.sql(index.sql()).update();
        }
        for (Definition fk : foreignKeys) {
            jdbc.sql("alter table " + table + " add constraint " + quoted(fk.name()) + " " + fk.sql()).update();
        }
    }

    String summary() {
        return indexes.size() + "个索引、" + foreignKeys.size() + "个外键";
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
