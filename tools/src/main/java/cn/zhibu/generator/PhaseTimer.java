package cn.zhibu.generator;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Times the phases of a generation, logging each as it ends, for the summary at the end. */
final class PhaseTimer {

    /** Work of one phase; may throw the SQL exceptions of COPY. */
    interface Step<T> {
        T run() throws Exception;
    }

    /** Work of one phase that returns nothing. */
    interface Action {
        void run() throws Exception;
    }

    private final Logger log;
    private final List<GenerationReport.Phase> phases = new ArrayList<>();

    PhaseTimer(Logger log) {
        this.log = log;
    }

    <T> T time(String name, Step<T> step) throws Exception {
        long started = System.nanoTime();
        T result = step.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        phases.add(new GenerationReport.Phase(name, took));
        log.info("{}完成，用时 {}", name, GenerationReport.format(took));
        return result;
    }

    void run(String name, Action action) throws Exception {
        time(name, () -> {
            action.run();
            return null;
        });
    }

    List<GenerationReport.Phase> phases() {
        return List.copyOf(phases);
    }
}
