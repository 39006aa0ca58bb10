package cn.zhibu.platform.audit;

import org.flywaydb.core.api.migration.JavaMigration;

/**
 * The Java migrations, for a Flyway run outside the application context: a restore builds the schema of an empty
 * database before loading the backup's rows, so the data steps of these migrations find nothing to change and need
 * no keys (asking for one there is a bug, and says so).
 */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static JavaMigration[] forEmptyDatabase() {
        return new JavaMigration[]{new V16PrivacyMigration((context, contextId, personId) -> {
            throw new IllegalStateException("an empty database has no comments to give pseudonyms to");
        })};
    }
}
