package cn.zhibu.platform.audit;

import cn.zhibu.platform.AuditLog.ChainCheck;
import cn.zhibu.platform.crypto.AuditKeyring;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;

/** The chain check without the application, for the restore command: the restored log against its checkpoints. */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static ChainCheck verify(JdbcClient jdbc, AuditKeyring keys, Path checkpointFile, String anchorDir) {
        CheckpointLog log = new CheckpointLog(AuditCheckpoints.files(checkpointFile, anchorDir), keys,
                JsonMapper.builder().build());
        return new ChainVerifier(jdbc, keys, log, JdbcAuditLog.CHAINS).verify();
    }
}
