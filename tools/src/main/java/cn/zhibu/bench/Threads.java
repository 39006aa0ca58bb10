package cn.zhibu.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so that a stuck request never keeps the command from exiting. */
final class Threads {

    private Threads() {
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger next = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + next.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static ExecutorService pool(String prefix, int threads) {
        return Executors.newFixedThreadPool(threads, daemon(prefix));
    }

    /** The task's result; its failure as a {@link BenchException} naming {@code what}. */
    static <T> T await(Future<T> task, String what) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException(what + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BenchException b) {
                throw b;
            }
            throw new BenchException(what + " failed: " + e.getCause(), e.getCause());
        }
    }
}
