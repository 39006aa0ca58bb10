package cn.zhibu.platform.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * Loads a dump into a schema just built by the migrations, in one transaction: rows the migrations seeded (the
 * holiday calendar) make way for the backup's, each table is copied in after the tables it references, the
 * sequences continue where they were, and every table's count is checked against the manifest.
 */
final class DatabaseLoad {

    private DatabaseLoad() {
    }

    /** Loads and returns the row count of every table, as the database now has it. */
    static Map<String, Long> load(Connection c, ZipFile zip, BackupManifest manifest) throws SQLException, IOException {
        c.setAutoCommit(false);
        try {
            Map<String, BackupManifest.Table> byName = new LinkedHashMap<>();
            manifest.tables().forEach(t -> byName.put(t.name(), t));
            List<String> present = Sql.tables(c);
            for (String table : byName.keySet()) {
                if (!present.contains(table)) {
                    throw new IllegalStateException("备份中的表 " + table + " 在迁移到版本 " + manifest.schemaVersion()
                            + " 后的数据库中不存在");
                }
            }
            List<String> order = Sql.dependencyOrder(c, new ArrayList<>(byName.keySet()));
            try (Statement s = c.createStatement()) {
                // the audit log refuses deletes by trigger; as its owner the restore lifts that for this transaction
                s.execute("alter table audit_log disable trigger user");
                for (int i = order.size() - 1; i >= 0; i--) {
                    s.execute("delete from " + Sql.quote(order.get(i)));
                }
                s.execute("alter table audit_log enable trigger user");
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            for (String table : order) {
                BackupManifest.Table dumped = byName.get(table);
                try (InputStream in = zip.getInputStream(zip.getEntry(dumped.entry()))) {
                    copy.copyIn("copy " + Sql.quote(table) + " (" + dumped.columns().stream().map(Sql::quote)
                            .collect(Collectors.joining(", ")) + ") from stdin", in);
                }
            }
            for (BackupManifest.Sequence sequence : manifest.sequences()) {
                try (PreparedStatement s = c.prepareStatement("select setval(?::regclass, ?, ?)")) {
                    s.setString(1, Sql.quote(sequence.name()));
                    s.setLong(2, sequence.lastValue());
                    s.setBoolean(3, sequence.called());
                    s.execute();
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (BackupManifest.Table table : manifest.tables()) {
                long rows = Sql.number(c, "select count(*) from " + Sql.quote(table.name()));
                if (rows != table.rows()) {
                    throw new IllegalStateException("表 " + table.name() + " 恢复了 " + rows + " 行，备份中有 " + table.rows() + " 行");
                }
                counts.put(table.name(), rows);
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                c.setAutoCommit(true);
                s.execute("analyze");
            }
            return counts;
        } catch (SQLException | IOException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }
}
