package cn.zhibu.platform.jobs;

import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.DataScope;
import cn.zhibu.platform.InvalidInputException;
import cn.zhibu.platform.JobHandler;
import cn.zhibu.platform.JobRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Runs one job on this node when db-scheduler hands it over: finds the module's handler, gives it the submitter's
 * scope, and stores how it ended. Whatever happens, the job ends with a state and a message the user can act on.
 */
@Component
public class JobRunner {

    /** db-scheduler's task name; each job is one execution of it, its instance id the job id. */
    public static final String TASK = "background-job";
    public static final String INTERRUPTED = "任务因服务重启中断，请重新提交";
    static final String BROKE = "任务执行出错，请重新提交；如仍失败，请联系系统管理员";

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRows rows;
    private final JobFiles files;
    private final WorkDirectory work;
    private final JsonMapper json;
    private final NodeName node;
    // looked up when a job runs: handlers submit jobs, so they depend on the scheduler, which depends on this
    private final ObjectProvider<JobHandler<?>> handlers;

    JobRunner(JobRows rows, JobFiles files, WorkDirectory work, JsonMapper json, NodeName node,
              ObjectProvider<JobHandler<?>> handlers) {
        this.rows = rows;
        this.files = files;
        this.work = work;
        this.json = json;
        this.node = node;
        this.handlers = handlers;
    }

    void run(UUID id, BooleanSupplier shuttingDown) {
        JobRow row = rows.find(id).orElse(null);
        if (row == null || row.finishedAt() != null) {
            return; // deleted, or ended meanwhile (failed as interrupted, say)
        }
        JobHandler<?> handler = handlers.orderedStream().filter(h -> h.kind().equals(row.kind())).findFirst()
                .orElse(null);
        if (handler == null) {
            rows.finish(id, BackgroundJob.FAILED, "该类任务（" + row.kind() + "）在此版本中已不存在，请重新提交", null, 0);
            return;
        }
        if (rows.start(id, node.value())) {
            execute(handler, row, shuttingDown);
        }
    }

    private <D> void execute(JobHandler<D> handler, JobRow row, BooleanSupplier shuttingDown) {
        UUID id = row.id();
        JobRunState<D> run = new JobRunState<>(id, json.readValue(row.scopeJson(), DataScope.class),
                json.readValue(row.detailJson(), handler.detailType()), row.total(), rows, files, work, json);
        try {
            JobRun.Outcome<D> outcome = handler.run(run);
            run.flushProgress();
            rows.finish(id, outcome.state(), outcome.message(),
                    outcome.detail() == null ? null : json.writeValueAsString(outcome.detail()), run.sampleHeap());
        } catch (InvalidInputException e) {
            rows.finish(id, BackgroundJob.FAILED, String.join("；", e.messages()), null, run.sampleHeap());
        } catch (Exception | Error e) {
            boolean interrupted = shuttingDown.getAsBoolean() || Thread.currentThread().isInterrupted()
                    || e instanceof InterruptedException;
            if (!interrupted) {
                log.warn("后台任务 {}（{}）失败", id, row.kind(), e);
            }
            rows.finish(id, BackgroundJob.FAILED, interrupted ? INTERRUPTED : BROKE, null, run.sampleHeap());
            if (e instanceof Error error && !(e instanceof OutOfMemoryError)) {
                throw error;
            }
        } finally {
            run.deleteLocalCopies();
        }
    }

    /** The node that ran the job stopped without finishing it (db-scheduler found its heartbeat stale). */
    void interrupted(UUID id) {
        if (rows.finish(id, BackgroundJob.FAILED, INTERRUPTED, null, 0)) {
            log.info("后台任务 {} 所在节点已停止，任务记为中断", id);
        }
    }
}
