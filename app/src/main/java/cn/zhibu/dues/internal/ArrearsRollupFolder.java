package cn.zhibu.dues.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Folds pending arrears roll-up rows about every second, once per cluster, as the other roll-ups' folders do. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ArrearsRollupFolder {

    static final String TASK = "dues-arrears-rollup-fold";

    @Bean
    RecurringTask<Void> duesArrearsRollupFoldTask(ClusterSchedule schedule, ArrearsRollup rollup,
                                                  @Value("${zhibu.rollup.fold-interval-ms:1000}") long intervalMs) {
        return schedule.every(TASK, Duration.ofMillis(intervalMs), rollup::fold);
    }
}
