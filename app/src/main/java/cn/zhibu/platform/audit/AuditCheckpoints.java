package cn.zhibu.platform.audit;

import cn.zhibu.platform.DataDirectory;
import cn.zhibu.platform.crypto.AuditKeyring;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the chain heads from the database and writes them, signed, to the checkpoint files. */
@Component
class AuditCheckpoints {

    private final JdbcClient jdbc;
    private final CheckpointLog log;
    private List<ChainHead> lastWritten;

    AuditCheckpoints(JdbcClient jdbc, AuditKeyring keys, JsonMapper json, DataDirectory data,
                     @Value("${zhibu.audit.anchor-dir:}") String anchorDir) {
        this.jdbc = jdbc;
        this.log = new CheckpointLog(files(data.checkpointFile(), anchorDir), keys, json);
    }

    static List<Path> files(Path checkpointFile, String anchorDir) {
        List<Path> files = new ArrayList<>(List.of(checkpointFile));
        if (anchorDir != null && !anchorDir.isBlank()) {
            files.add(Path.of(anchorDir).toAbsolutePath().normalize().resolve(CheckpointLog.FILE_NAME));
        }
        return files;
    }

    CheckpointLog log() {
        return log;
    }

    /** Writes the heads if they changed since this node last wrote them (always when {@code force}). */
    synchronized void write(String kind, boolean force) {
        List<ChainHead> heads = heads(jdbc);
        if (force || !heads.equals(lastWritten)) {
            log.append(kind, heads);
            lastWritten = heads;
        }
    }

    /** After the transaction that emptied the log commits: a reset line, then the new heads count. */
    void resetAfterCommit() {
        Runnable reset = () -> {
            synchronized (this) {
                List<ChainHead> heads = heads(jdbc);
                log.append(Checkpoint.RESET, heads);
                lastWritten = heads;
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reset.run();
                }
            });
        } else {
            reset.run();
        }
    }

    /** The last entry of every chain, one index probe each. */
    static List<ChainHead> heads(JdbcClient jdbc) {
        return jdbc.sql("""
                        select c, coalesce(h.seq, 0) as seq, coalesce(h.hash, ?) as hash
                        from generate_series(0, ? - 1) c
                        left join lateral (select seq, hash from audit_log where chain = c order by seq desc limit 1) h
                          on true
                        order by c""")
                .params(ChainRow.GENESIS, JdbcAuditLog.CHAINS)
                .query((rs, i) -> new ChainHead(rs.getInt("c"), rs.getLong("seq"), rs.getString("hash"))).list();
    }
}
