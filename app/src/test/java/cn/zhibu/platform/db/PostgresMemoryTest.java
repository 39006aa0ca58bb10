package cn.zhibu.platform.db;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** auto gives PostgreSQL a quarter of the machine, between 256 MB and 8 GB; throw-away clusters keep 256 MB. */
class PostgresMemoryTest {

    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void auto_is_a_quarter_of_the_machine_within_its_bounds() {
        assertThat(PostgresMemory.resolve("auto", "4GB", false, 24 * GB).sharedBuffers()).isEqualTo("6144MB");
        assertThat(PostgresMemory.resolve("AUTO", "4GB", false, 512 * 1024 * 1024L).sharedBuffers()).isEqualTo("256MB");
        assertThat(PostgresMemory.resolve("auto", "4GB", false, 256 * GB).sharedBuffers()).isEqualTo("8192MB");
        assertThat(PostgresMemory.resolve("auto", "4GB", true, 24 * GB).sharedBuffers()).isEqualTo("256MB");
    }

    @Test
    void a_size_given_is_kept_and_a_malformed_one_is_refused_naming_the_setting() {
        PostgresMemory given = PostgresMemory.resolve(" 2gb ", "8GB", false, 24 * GB);
        assertThat(given.sharedBuffers()).isEqualTo("2GB");
        assertThat(given.maxWalSize()).isEqualTo("8GB");
        assertThatThrownBy(() -> PostgresMemory.resolve("lots", "4GB", false, GB))
                .hasMessageContaining("zhibu.embedded-db.shared-buffers");
        assertThatThrownBy(() -> PostgresMemory.resolve("1GB", "4 GB; drop", false, GB))
                .hasMessageContaining("zhibu.embedded-db.max-wal-size");
        assertThatThrownBy(() -> PostgresMemory.resolve("0MB", "4GB", false, GB))
                .hasMessageContaining("shared-buffers");
    }
}
