package cn.zhibu.platform.backup;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Every table of the schema as COPY text, all read in one repeatable-read transaction: one consistent moment of the
 * database while the app goes on writing. The schema itself is not dumped: it is the Flyway migrations, and the
 * manifest names the version the data fits.
 */
final class DatabaseDump {

    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private DatabaseDump() {
    }

    static BackupManifest write(Connection c, ZipOutputStream zip, List<String> files) throws SQLException, IOException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
        try {
            String version = Sql.strings(c, "select version from " + SCHEMA_HISTORY
                    + " where success and version is not null order by installed_rank desc limit 1").get(0);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<BackupManifest.Table> tables = new ArrayList<>();
            for (String table : Sql.tables(c)) {
                if (table.equals(SCHEMA_HISTORY)) {
                    continue; // the restore gets its own by running the migrations
                }
                List<String> columns = Sql.columns(c, table);
                BackupManifest.Table dumped = new BackupManifest.Table(table, columns, 0);
                zip.putNextEntry(new ZipEntry(dumped.entry()));
                long rows = copy.copyOut("copy (select " + columns.stream().map(Sql::quote)
                        .collect(Collectors.joining(", ")) + " from " + Sql.quote(table) + ") to stdout", zip);
                zip.closeEntry();
                tables.add(new BackupManifest.Table(table, columns, rows));
            }
            List<BackupManifest.Sequence> sequences = new ArrayList<>();
            for (String sequence : Sql.sequences(c)) {
                try (PreparedStatement s = c.prepareStatement("select last_value, is_called from " + Sql.quote(sequence));
                     ResultSet rs = s.executeQuery()) {
                    rs.next();
                    sequences.add(new BackupManifest.Sequence(sequence, rs.getLong(1), rs.getBoolean(2)));
                }
            }
            return new BackupManifest(BackupManifest.FORMAT, Instant.now().toString(), version, tables, sequences, files);
        } finally {
            c.rollback();
        }
    }
}
