package cn.zhibu.platform.db;

import org.springframework.core.env.PropertyResolver;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the embedded PostgreSQL keeps for itself ({@code shared_buffers}, default 256 MB) and how much
 * write-ahead log it lets grow between checkpoints ({@code max_wal_size}, default 4 GB: at 1 GB a province's bill run
 * or a busy hour of writes checkpointed every few seconds, each checkpoint writing full pages again).
 * <p>
 * 256 MB, not PostgreSQL's usual quarter of the machine: on the reference VM (2 cores, 24 GiB, 5.7 M members)
 * 6 GB made every figure of the benchmark worse in back-to-back runs — {@code /api/v1/me} 3,011 against 7,122
 * requests/s, writes 292 against 391/s, the province's bill run 66 against 43 s — the operating system's page cache
 * already holds the database, and the larger buffers only copied it twice. A dedicated database server may differ:
 * measure before raising it.
 */
public record PostgresMemory(String sharedBuffers, String maxWalSize) {

    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})(MB|GB)");

    public PostgresMemory {
        require("zhibu.embedded-db.shared-buffers", sharedBuffers);
        require("zhibu.embedded-db.max-wal-size", maxWalSize);
    }

    /** The settings {@code zhibu.embedded-db.shared-buffers} (default 256MB) and {@code max-wal-size} (4GB). */
    static PostgresMemory configured(PropertyResolver env) {
        return new PostgresMemory(normal(env.getProperty("zhibu.embedded-db.shared-buffers", "256MB")),
                normal(env.getProperty("zhibu.embedded-db.max-wal-size", "4GB")));
    }

    private static String normal(String size) {
        return size.strip().toUpperCase(Locale.ROOT);
    }

    private static void require(String setting, String value) {
        Matcher m = value == null ? null : SIZE.matcher(value);
        if (m == null || !m.matches() || megabytes(m) < 32) {
            throw new IllegalArgumentException(setting + " 应为不小于 32MB、形如 512MB 或 4GB 的大小，而不是 “" + value + "”");
        }
    }

    private static long megabytes(Matcher size) {
        return Long.parseLong(size.group(1)) * (size.group(2).equals("GB") ? 1024 : 1);
    }
}
