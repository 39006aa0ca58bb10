package cn.zhibu.dues.internal;

import cn.zhibu.platform.DataChanges;
import cn.zhibu.platform.ClusterSchedule;
import cn.zhibu.platform.TreePath;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;

/**
 * Subtrees whose F8 fact must be recounted after a large bill run, kept as rows (dues_arrears_pending) so that no
 * node's restart loses one, and worked off once per cluster in slices of {@value #SLICE} member ids, each in its own
 * short transaction: a province's recount then never holds row locks that a member's payment would wait on.
 */
@Component
public class ArrearsBacklog {

    /** Bill runs up to this many bills recount in their own transaction; larger ones come here. */
    public static final int AT_ONCE = 20_000;
    static final long SLICE = 200_000;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final ArrearsCounter counter;
    private final TransactionTemplate tx;
    private final DataChanges changes;

    ArrearsBacklog(JdbcClient jdbc, ArrearsCounter counter, PlatformTransactionManager transactions,
                   DataChanges changes) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.tx = new TransactionTemplate(transactions);
        this.changes = changes;
    }

    /** Queues the subtree (in the bill run's transaction: a run rolled back queues nothing). */
    public void request(TreePath subtree) {
        jdbc.sql("""
                        insert into dues_arrears_pending (org_path, next_id, last_id)
                        select :path, 0, greatest((select max(member_id) from dues_bill), (select max(member_id) from dues_arrears))
                        on conflict (org_path) do update set next_id = 0, last_id = excluded.last_id, requested_at = now()""")
                .param("path", subtree.value()).update();
    }

    private record Pending(String path, long nextId, long lastId) {
    }

    /** Works off slices for up to half a minute; returns how many slices were recounted. */
    public int work() {
        long until = System.nanoTime() + BUDGET.toNanos();
        int slices = 0;
        while (System.nanoTime() < until) {
            Boolean more = tx.execute(status -> slice());
            if (!Boolean.TRUE.equals(more)) {
                break;
            }
            slices++;
        }
        return slices;
    }

    /** Recounts the next slice of the oldest pending subtree; false when nothing is pending. */
    private boolean slice() {
        Optional<Pending> next = jdbc.sql("""
                        select org_path, next_id, last_id from dues_arrears_pending
                        order by requested_at, org_path limit 1 for update skip locked""")
                .query((rs, i) -> new Pending(rs.getString(1), rs.getLong(2), rs.getLong(3))).optional();
        if (next.isEmpty()) {
            changes.changedNothingShown();
            return false;
        }
        Pending p = next.get();
        changes.touched(p.path());
        long to = p.nextId() + SLICE;
        counter.recountSubtree(new TreePath(p.path()), p.nextId(), to);
        if (to > p.lastId()) {
            jdbc.sql("delete from dues_arrears_pending where org_path = ?").param(p.path()).update();
        } else {
            jdbc.sql("update dues_arrears_pending set next_id = ? where org_path = ?").params(to, p.path()).update();
        }
        return true;
    }

    /** Once per cluster, every few seconds. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class Schedule {

        @Bean
        RecurringTask<Void> duesArrearsBacklogTask(ClusterSchedule schedule, ArrearsBacklog backlog) {
            return schedule.every("dues-arrears-backlog", Duration.ofSeconds(5), backlog::work);
        }
    }
}
