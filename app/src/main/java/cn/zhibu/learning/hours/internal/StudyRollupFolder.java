package cn.zhibu.learning.hours.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Folds pending {@code study_rollup} rows about once a second, once per cluster (readers add pending rows either
 * way; the fold keeps the pending table small).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class StudyRollupFolder {

    static final String TASK = "learning-study-rollup-fold";

    @Bean
    RecurringTask<Void> studyRollupFoldTask(ClusterSchedule schedule, StudyRollup rollup,
                                            @Value("${zhibu.rollup.fold-interval-ms:1000}") long intervalMs) {
        return schedule.every(TASK, Duration.ofMillis(intervalMs), rollup::fold);
    }
}
