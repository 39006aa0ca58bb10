package cn.zhibu.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Recurring work that must happen once per cluster, not once per node (roll-up folds, expiries, reminders, cleanups):
 * a module declares a bean {@code RecurringTask<Void>} made here, and db-scheduler runs it on one node at a time,
 * {@code interval} after the previous run ended. Every run is counted ({@code zhibu.recurring.runs} by task) so that
 * operations, and the tests, can see who ran what.
 */
@Component
public class ClusterSchedule {

    private static final Logger log = LoggerFactory.getLogger(ClusterSchedule.class);

    private final MeterRegistry meters;

    ClusterSchedule(MeterRegistry meters) {
        this.meters = meters;
    }

    public RecurringTask<Void> every(String name, Duration interval, Runnable work) {
        return Tasks.recurring(name, FixedDelay.of(interval))
                .onFailureReschedule()
                .execute((instance, context) -> {
                    meters.counter("zhibu.recurring.runs", "task", name).increment();
                    try {
                        work.run();
                    } catch (RuntimeException e) {
                        // the task runs again after its interval either way; say why this run did nothing
                        log.warn("定时任务 {} 本次失败，将按周期重试：{}", name, e.toString());
                    }
                });
    }
}
