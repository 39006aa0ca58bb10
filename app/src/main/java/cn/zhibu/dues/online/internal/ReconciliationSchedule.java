package cn.zhibu.dues.online.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/** Yesterday's trade bill is compared once a day, on one node of the cluster (checked every 30 minutes). */
@Configuration(proxyBeanMethods = false)
class ReconciliationSchedule {

    @Bean
    RecurringTask<Void> duesOnlineReconciliation(ClusterSchedule schedule, cn.zhibu.dues.online.OnlineReconciliations reconciliations) {
        return schedule.every("dues-online-reconciliation", Duration.ofMinutes(30), reconciliations::daily);
    }
}
