package cn.zhibu.member.internal;

import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Folds pending roll-up changes into member_rollup about every second, so the pending table stays small and reads of
 * both tables sum a few rows. Correctness does not depend on it: readers see pending changes either way, and two
 * folds at once would be safe. It still runs once per cluster (db-scheduler polls every second, so a run follows the
 * previous one within one to two seconds), since one node folding is all the work there is.
 * Only the served app folds; the generator loads member_rollup directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class MemberRollupFolder {

    static final String TASK = "member-rollup-fold";

    @Bean
    RecurringTask<Void> memberRollupFoldTask(ClusterSchedule schedule, MemberRollup rollup,
                                             @Value("${zhibu.rollup.fold-interval-ms:1000}") long intervalMs) {
        // a failed fold leaves the changes pending and still counted; the next run tries again
        return schedule.every(TASK, Duration.ofMillis(intervalMs), rollup::fold);
    }
}
