package cn.zhibu.platform.audit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the chain heads are anchored outside the database: at start, every {@code zhibu.audit.checkpoint-interval}
 * (ISO-8601, default PT5M) when they changed, and at shutdown. Entries written after the last checkpoint are the
 * only ones whose deletion at the end of a chain goes unnoticed. Each node writes its own local file; this job
 * belongs to the node, not the cluster.
 */
@Component
class AuditCheckpointJob {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpointJob.class);

    private final AuditCheckpoints checkpoints;

    AuditCheckpointJob(AuditCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        write("START", true);
    }

    @Scheduled(fixedDelayString = "${zhibu.audit.checkpoint-interval:PT5M}",
            initialDelayString = "${zhibu.audit.checkpoint-interval:PT5M}")
    void periodically() {
        write("PERIODIC", false);
    }

    @PreDestroy
    void atShutdown() {
        write("SHUTDOWN", false);
    }

    private void write(String kind, boolean force) {
        try {
            checkpoints.write(kind, force);
        } catch (RuntimeException e) {
            log.error("审计检查点写入失败（将在下次重试）：{}", e.getMessage(), e);
        }
    }
}
