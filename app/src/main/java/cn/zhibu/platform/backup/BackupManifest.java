package cn.zhibu.platform.backup;

import java.util.List;

/**
 * What a backup holds, written last into it: the schema version (the Flyway migration the data fits), every
 * table with its columns and row count, the sequences, and the files beside the database (keys, checkpoints).
 */
record BackupManifest(int format, String createdAt, String schemaVersion, List<Table> tables,
                      List<Sequence> sequences, List<String> files) {

    static final int FORMAT = 1;
    static final String ENTRY = "manifest.json";

    record Table(String name, List<String> columns, long rows) {

        String entry() {
            return "db/" + name + ".copy";
        }
    }

    record Sequence(String name, long lastValue, boolean called) {
    }
}
