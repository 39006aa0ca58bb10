package cn.zhibu.life.compliance.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Folds pending compliance roll-up rows about every second, once per cluster, as the member roll-up's folder does:
 * readers count pending rows either way, the fold only keeps the pending table small. The generator loads the roll-up
 * directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ComplianceRollupFolder {

    static final String TASK = "life-compliance-rollup-fold";

    @Bean
    RecurringTask<Void> complianceRollupFoldTask(ClusterSchedule schedule, ComplianceRollup rollup,
                                                 @Value("${zhibu.rollup.fold-interval-ms:1000}") long intervalMs) {
        return schedule.every(TASK, Duration.ofMillis(intervalMs), rollup::fold);
    }
}
