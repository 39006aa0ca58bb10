package cn.zhibu.platform.jobs;

import cn.zhibu.platform.BackgroundJob;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * On start, before the scheduler runs anything here: the jobs this node had taken and not finished were cut off by
 * the restart. They fail at once with a message that says so, instead of waiting for their heartbeat to go stale.
 */
@Component
@ConditionalOnProperty(name = "db-scheduler.enabled", matchIfMissing = true) // not in the generator, which runs no jobs
class InterruptedJobs {

    private static final Logger log = LoggerFactory.getLogger(InterruptedJobs.class);

    private final JobRows rows;
    private final NodeName node;

    InterruptedJobs(JobRows rows, NodeName node) {
        this.rows = rows;
        this.node = node;
    }

    @PostConstruct
    void failJobsCutOffByRestart() {
        List<UUID> failed = rows.failTakenBy(node.value(), BackgroundJob.FAILED, JobRunner.INTERRUPTED);
        if (!failed.isEmpty()) {
            log.info("节点 {} 重启：{} 个未完成的后台任务记为中断", node, failed.size());
        }
    }
}
