package cn.zhibu.platform.db;

import org.springframework.core.env.PropertyResolver;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much memory the embedded PostgreSQL keeps for itself ({@code shared_buffers}) and how much write-ahead log it
 * lets grow between checkpoints ({@code max_wal_size}).
 * <p>
 * {@code auto} gives a quarter of the machine's memory to shared buffers (PostgreSQL's own advice for a dedicated
 * server), at least 256 MB and at most 8 GB: at province scale the indexes a write touches no longer fit in 256 MB,
 * and every miss cost a copy from the operating system's cache and often the write of a dirty page first. The
 * memory is reserved, not used, until pages are read into it. A throw-away cluster (tests) keeps 256 MB.
 */
public record PostgresMemory(String sharedBuffers, String maxWalSize) {

    static final String AUTO = "auto";
    private static final long MB = 1024L * 1024;
    private static final long MIN_SHARED = 256 * MB;
    private static final long MAX_SHARED = 8192 * MB;
    private static final Pattern SIZE = Pattern.compile("(\\d{1,7})(MB|GB)");

    public PostgresMemory {
        require("zhibu.embedded-db.shared-buffers", sharedBuffers);
        require("zhibu.embedded-db.max-wal-size", maxWalSize);
    }

    /** The settings {@code zhibu.embedded-db.shared-buffers} (default auto) and {@code max-wal-size} (default 4GB). */
    static PostgresMemory configured(PropertyResolver env, boolean temporary) {
        return resolve(env.getProperty("zhibu.embedded-db.shared-buffers", AUTO),
                env.getProperty("zhibu.embedded-db.max-wal-size", "4GB"), temporary, machineMemory());
    }

    /** Resolves {@code auto} for a cluster of this kind on a machine with this much memory. */
    static PostgresMemory resolve(String sharedBuffers, String maxWalSize, boolean temporary, long machineBytes) {
        String shared = sharedBuffers.strip().toUpperCase(Locale.ROOT);
        if (shared.equalsIgnoreCase(AUTO)) {
            long quarter = temporary ? MIN_SHARED : Math.min(MAX_SHARED, Math.max(MIN_SHARED, machineBytes / 4));
            shared = (quarter / MB) + "MB";
        }
        return new PostgresMemory(shared, maxWalSize.strip().toUpperCase(Locale.ROOT));
    }

    /** The memory of this machine (or of its container), as the JVM sees it. */
    static long machineMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return MIN_SHARED * 4;
    }

    private static void require(String setting, String value) {
        if (value == null || !SIZE.matcher(value).matches() || bytes(value) < MB) {
            throw new IllegalArgumentException(setting + " 应为 auto 或形如 512MB、4GB 的大小，而不是 “" + value + "”");
        }
    }

    private static long bytes(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return 0;
        }
        return Long.parseLong(m.group(1)) * (m.group(2).equals("GB") ? 1024 * MB : MB);
    }
}
