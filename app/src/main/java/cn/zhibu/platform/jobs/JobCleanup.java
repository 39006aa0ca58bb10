package cn.zhibu.platform.jobs;

import cn.zhibu.platform.BackgroundJob;
import cn.zhibu.platform.ClusterSchedule;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the job tables small: once per cluster, jobs finished more than {@code zhibu.jobs.keep} ago go with their
 * files, and jobs whose execution was lost fail; on each node, local copies left by a crash go once their job is over.
 * Nothing of a job that is still running (or still being uploaded) is ever touched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class JobCleanup {

    static final String TASK = "background-job-cleanup";
    private static final Logger log = LoggerFactory.getLogger(JobCleanup.class);
    /** A job has its execution from the moment it is queued; a missing one this long after is lost for good. */
    private static final Duration LOST_AFTER = Duration.ofMinutes(5);
    /** Work files of no known job are uploads being checked; after this they are leftovers. */
    private static final Duration STRAY_AFTER = Duration.ofHours(1);

    private final JobRows rows;
    private final WorkDirectory work;
    private final Duration keep;

    JobCleanup(JobRows rows, WorkDirectory work, @Value("${zhibu.jobs.keep:PT1H}") Duration keep) {
        this.rows = rows;
        this.work = work;
        this.keep = keep;
    }

    @Bean
    RecurringTask<Void> backgroundJobCleanupTask(ClusterSchedule schedule,
                                                 @Value("${zhibu.jobs.cleanup-interval:PT10M}") Duration interval) {
        return schedule.every(TASK, interval, this::cleanUp);
    }

    void cleanUp() {
        List<UUID> lost = rows.failLost(JobRunner.TASK, LOST_AFTER, BackgroundJob.FAILED, JobRunner.INTERRUPTED);
        int deleted = rows.deleteFinishedBefore(keep);
        if (deleted + lost.size() > 0) {
            log.info("后台任务清理：删除已过期任务 {} 个，丢失执行记录的任务 {} 个记为中断", deleted, lost.size());
        }
    }

    /** This node's work directory: a file goes once its job is over, or after an hour when no job has its name. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${zhibu.jobs.cleanup-interval:PT10M}")
    void cleanWorkDirectory() {
        List<WorkDirectory.JobFile> files = work.olderThan(Duration.ofMinutes(1));
        List<UUID> jobs = files.stream().map(WorkDirectory.JobFile::job).distinct().toList();
        List<UUID> running = rows.unfinishedAmong(jobs);
        List<UUID> known = rows.existingAmong(jobs);
        java.time.Instant strayBefore = java.time.Instant.now().minus(STRAY_AFTER);
        for (WorkDirectory.JobFile f : files) {
            boolean over = known.contains(f.job()) && !running.contains(f.job());
            boolean stray = !known.contains(f.job()) && f.modified().isBefore(strayBefore);
            if (over || stray) {
                work.delete(f.path());
            }
        }
    }
}
