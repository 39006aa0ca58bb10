package cn.zhibu.platform;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fills a column added to a large table for the rows written before it, in the background and not at start-up: a
 * pass goes through the table by id in batches, each batch in its own transaction together with the last id it
 * reached (table {@code backfill_progress}), so a restart goes on where the pass stopped and a failed batch is tried
 * again by the next run. Once a batch finds nothing left the pass is done, and each later run costs one read.
 * Readers must not depend on the pass having finished (they compute what is missing meanwhile).
 */
@Component
public class Backfills {

    private static final Logger log = LoggerFactory.getLogger(Backfills.class);
    /** One run works at most this long, so db-scheduler's thread and lease are not held for the whole pass. */
    private static final Duration RUN_BUDGET = Duration.ofSeconds(30);
    private static final int LOG_EVERY_BATCHES = 10;

    /** One batch of a pass. */
    @FunctionalInterface
    public interface Batch {
        /**
         * Fills at most {@code limit} rows with an id above {@code afterId}, in id order, on the caller's
         * transaction; returns what it filled, or empty when no row above {@code afterId} needs it.
         */
        Optional<Filled> fill(long afterId, int limit);
    }

    /** A batch's outcome: the highest id it reached and how many rows it filled. */
    public record Filled(long lastId, int rows) {
    }

    /** A batch's step when the pass was finished before it: nothing to do, nothing to say. */
    private static final long FINISHED_BEFORE = -1;

    private final ClusterSchedule schedule;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final DataChanges changes;
    /** Passes this node has seen finished: later runs return at once, without a query. */
    private final Set<String> finished = ConcurrentHashMap.newKeySet();

    Backfills(ClusterSchedule schedule, JdbcClient jdbc, PlatformTransactionManager transactions,
              DataChanges changes) {
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.changes = changes;
    }

    /** The recurring task that runs pass {@code name} (a row of backfill_progress) once per cluster till it is done. */
    public RecurringTask<Void> task(String name, Duration interval, int batchSize, Batch batch) {
        return schedule.every("backfill-" + name, interval, () -> run(name, batchSize, batch, RUN_BUDGET));
    }

    /**
     * Runs the pass for up to {@code budget}, batch after batch; returns the rows filled. Safe to call while the
     * task runs elsewhere: each batch locks the pass's progress row.
     */
    public long run(String name, int batchSize, Batch batch, Duration budget) {
        if (finished.contains(name)) {
            return 0;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        long filled = 0;
        int batches = 0;
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            Long done = transactions.execute(tx -> {
                // the filled columns hold what readers already computed for the rows: no answer changes
                changes.changedNothingShown();
                return step(name, batchSize, batch);
            });
            if (done == null || done == FINISHED_BEFORE) {
                finished.add(name);
                if (done == null) {
                    log.info("补全任务 {}：已完成（本次 {} 行，{} ms）", name, filled,
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                }
                return filled;
            }
            filled += done;
            if (++batches % LOG_EVERY_BATCHES == 0) {
                long ms = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toMillis());
                log.info("补全任务 {}：本次已补 {} 行（{} 行/秒），进度见 backfill_progress", name, filled,
                        filled * 1000 / ms);
            }
        }
        return filled;
    }

    /** Whether pass {@code name} has finished (or has no progress row: nothing to do). */
    public boolean done(String name) {
        return jdbc.sql("select done from backfill_progress where name = ?").param(name).query(Boolean.class)
                .optional().orElse(true);
    }

    /** Starts pass {@code name} again from the first id (operations, after restoring old rows; tests). */
    public void restart(String name) {
        finished.remove(name);
        jdbc.sql("""
                insert into backfill_progress (name) values (?)
                on conflict (name) do update set last_id = 0, done = false, updated_at = now()""")
                .param(name).update();
    }

    /** One batch and its progress; null when this batch finished the pass, FINISHED_BEFORE when it was done. */
    private Long step(String name, int batchSize, Batch batch) {
        var progress = jdbc.sql("select last_id, done from backfill_progress where name = ? for update")
                .param(name).query((rs, i) -> rs.getBoolean("done") ? FINISHED_BEFORE : rs.getLong("last_id"))
                .optional();
        if (progress.isEmpty() || progress.get() == FINISHED_BEFORE) {
            return FINISHED_BEFORE;
        }
        Optional<Filled> filled = batch.fill(progress.get(), batchSize);
        if (filled.isEmpty()) {
            jdbc.sql("update backfill_progress set done = true, updated_at = now() where name = ?").param(name).update();
            return null;
        }
        jdbc.sql("update backfill_progress set last_id = ?, updated_at = now() where name = ?")
                .params(filled.get().lastId(), name).update();
        return (long) filled.get().rows();
    }
}
