package cn.zhibu.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;
import java.util.UUID;

/** db-scheduler's side of background jobs: the one task every job is an execution of, and this node's name. */
@Configuration(proxyBeanMethods = false)
class JobScheduling {

    /**
     * A job runs once, on whichever node picks it. A failure is recorded on the job by the runner, so the execution
     * is simply removed; a dead execution (its node stopped) fails the job as interrupted rather than running it again
     * half-done.
     */
    @Bean
    OneTimeTask<Void> backgroundJobTask(JobRunner runner) {
        return Tasks.oneTime(JobRunner.TASK)
                .onFailure((complete, operations) -> operations.stop())
                .onDeadExecution((complete, operations) -> {
                    runner.interrupted(UUID.fromString(complete.getExecution().getId()));
                    operations.stop();
                })
                .execute((instance, context) -> runner.run(UUID.fromString(instance.getId()),
                        () -> context.getSchedulerState().isShuttingDown()));
    }

    @Bean
    DbSchedulerCustomizer nodeNamedScheduler(NodeName node) {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(node.value()));
            }
        };
    }
}
