package cn.zhibu.platform.db;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded PostgreSQL's memory settings: 256 MB and 4 GB unless given, and a malformed size refused by name. */
class PostgresMemoryTest {

    @Test
    void the_defaults_are_256_megabytes_of_buffers_and_4_gigabytes_of_log() {
        PostgresMemory memory = PostgresMemory.configured(new MockEnvironment());
        assertThat(memory.sharedBuffers()).isEqualTo("256MB");
        assertThat(memory.maxWalSize()).isEqualTo("4GB");
    }

    @Test
    void a_size_given_is_kept_and_a_malformed_one_is_refused_naming_the_setting() {
        PostgresMemory given = PostgresMemory.configured(new MockEnvironment()
                .withProperty("zhibu.embedded-db.shared-buffers", " 2gb ")
                .withProperty("zhibu.embedded-db.max-wal-size", "8GB"));
        assertThat(given.sharedBuffers()).isEqualTo("2GB");
        assertThat(given.maxWalSize()).isEqualTo("8GB");
        assertThatThrownBy(() -> new PostgresMemory("lots", "4GB")).hasMessageContaining("zhibu.embedded-db.shared-buffers");
        assertThatThrownBy(() -> new PostgresMemory("1GB", "4 GB; drop")).hasMessageContaining("zhibu.embedded-db.max-wal-size");
        assertThatThrownBy(() -> new PostgresMemory("31MB", "4GB")).hasMessageContaining("32MB");
        assertThat(new PostgresMemory("32MB", "32MB").sharedBuffers()).isEqualTo("32MB");
    }
}
