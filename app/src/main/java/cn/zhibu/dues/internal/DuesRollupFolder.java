package cn.zhibu.dues.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Folds pending 党费 roll-up rows about every second, once per cluster, as the member roll-up's folder does: readers
 * count pending rows either way; the fold keeps the pending table small under many writers (payments, bills).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class DuesRollupFolder {

    static final String TASK = "dues-rollup-fold";

    @Bean
    RecurringTask<Void> duesRollupFoldTask(ClusterSchedule schedule, LedgerRollup rollup,
                                           @Value("${zhibu.rollup.fold-interval-ms:1000}") long intervalMs) {
        return schedule.every(TASK, java.time.Duration.ofMillis(intervalMs), rollup::fold);
    }
}
