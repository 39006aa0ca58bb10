package cn.zhibu.platform.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** After a hard kill of the app the postmaster outlives it and blocks the next start: stop it first. */
final class OrphanPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);

    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(OrphanPostmaster::isPostgres);
        if (process.isEmpty()) {
            Files.deleteIfExists(pidFile);
            return;
        }
        log.warn("发现上次未正常关闭的 PostgreSQL 进程 {}，正在停止", pid);
        process.get().destroy();
        try {
            process.get().onExit().get(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
                    java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            process.get().destroyForcibly();
        }
    }

    /** The port of a live server on this data directory (the app's, when it runs), from its postmaster.pid. */
    static Optional<Integer> livePort(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim()); // line 4 of postmaster.pid is the port
            return ProcessHandle.of(pid).filter(OrphanPostmaster::isPostgres).map(p -> port);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle handle) {
        try {
            String cmdline = Files.readString(Path.of("/proc", Long.toString(handle.pid()), "cmdline"));
            return cmdline.contains("postgres");
        } catch (IOException e) {
            return handle.info().command().map(c -> c.contains("postgres")).orElse(false);
        }
    }
}
