package cn.zhibu.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * For a transaction made of many small reads, each bounded by a LIMIT (the inbox: a few dozen rows from each module).
 * The planner, misjudging how many rows a subtree holds, picks parallel plans for some of them; starting the workers
 * costs more than the read (measured at 5 M members: 33 ms for 58 rows of a county, 1 ms without), and under load
 * far more. Such a transaction turns parallel workers off for itself only.
 */
@Component
public class BoundedReads {

    private final JdbcClient jdbc;

    BoundedReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** No parallel workers until the current transaction ends (it must be in one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withoutParallelWorkers() {
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
    }
}
