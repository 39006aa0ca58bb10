package cn.zhibu.inbox;

import cn.zhibu.platform.db.PlannerSettings;
import cn.zhibu.platform.inbox.InboxItem;
import cn.zhibu.platform.inbox.InboxQuery;
import cn.zhibu.platform.inbox.InboxSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the inbox's sources in two lanes at once: the request's thread takes every other source, a small shared pool
 * the rest, each lane in a read-only transaction of its own. An inbox is about fifteen sources of fixed work (the
 * same at 1 M members as at 5 M), so its latency is their sum; two lanes on two cores nearly halve it.
 * <p>
 * No thread holds a connection while it waits for another: the request's lane commits before it joins the pool's,
 * and the pool's lane takes a connection only to run (so a full pool cannot wait on itself). Nothing queues: when
 * both pool threads are busy (many inboxes at once, where two lanes would buy nothing on two cores) the request's
 * thread reads both lanes itself — queued lanes made the slowest inboxes under 64 clients wait 1.8 s.
 */
@Component
class SourceLanes {

    private static final Logger log = LoggerFactory.getLogger(SourceLanes.class);
    private static final int POOL_THREADS = 2;

    private final TransactionTemplate readOnly;
    private final PlannerSettings planner;
    private final ThreadPoolExecutor pool;

    SourceLanes(PlatformTransactionManager transactions, PlannerSettings planner) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.planner = planner;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "inbox-lane-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** One source asked one query. */
    record Read(InboxQuery query, InboxSource source) {
    }

    /** Each read's items, in the order of the reads. */
    List<List<InboxItem>> items(List<Read> reads) {
        List<Read> mine = new ArrayList<>();
        List<Read> theirs = new ArrayList<>();
        for (int i = 0; i < reads.size(); i++) {
            (i % 2 == 0 ? mine : theirs).add(reads.get(i));
        }
        CompletableFuture<List<List<InboxItem>>> other = theirs.isEmpty()
                ? CompletableFuture.completedFuture(List.of())
                : CompletableFuture.supplyAsync(() -> lane(theirs), pool);
        List<List<InboxItem>> own = lane(mine);
        List<List<InboxItem>> pooled;
        try {
            pooled = other.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<List<InboxItem>> all = new ArrayList<>(reads.size());
        for (int i = 0; i < reads.size(); i++) {
            all.add(i % 2 == 0 ? own.get(i / 2) : pooled.get(i / 2));
        }
        return all;
    }

    private List<List<InboxItem>> lane(List<Read> reads) {
        return readOnly.execute(status -> {
            planner.withoutParallelWorkers();
            List<List<InboxItem>> found = new ArrayList<>(reads.size());
            for (Read read : reads) {
                long started = System.nanoTime();
                found.add(read.source().items(read.query()));
                if (log.isDebugEnabled()) {
                    log.debug("inbox source {}: {} items in {} µs", read.source().getClass().getSimpleName(),
                            found.get(found.size() - 1).size(), (System.nanoTime() - started) / 1000);
                }
            }
            return found;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
