package cn.zhibu.platform.db;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * PostgreSQL planner settings a transaction takes for itself only ({@code set local}, gone when it ends), for the
 * two kinds of work the platform's defaults do not fit.
 */
@Component
public class PlannerSettings {

    private final JdbcClient jdbc;

    PlannerSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For a transaction made of many small reads, each bounded by a LIMIT (the inbox: a few dozen rows from each
     * module). The planner, misjudging how many rows a subtree holds, picks parallel plans for some of them; starting
     * the workers costs more than the read (measured at 5 M members: 33 ms for 58 rows of a county, 1 ms without),
     * and under load far more. No parallel workers until the current transaction ends (it must be in one).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void withoutParallelWorkers() {
        jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
    }

    /**
     * For a transaction whose every statement finds its rows by key (one member's create, edit, status change or
     * deletion: the row by id, its organizations by id, the audit chain's head, the 身份证号 by hash; one member
     * opened, or found by 身份证号; an organization's dashboard: the organization and its roll-up rows by id). The
     * platform plans every statement afresh ({@code force_custom_plan}), which subtree reads need (a path range's
     * selectivity runs from one branch to the province); for a key the plan never changes, and planning it cost more
     * than running it — at 5 M members the member read by id 0.20 ms of planning for 0.02 ms of execution, half of the
     * database's time for a write; the search by 身份证号 0.65 ms for 0.02 ms. Generic (reused) plans until the
     * current transaction ends. (A study beat, one statement, is a database function whose own SET clause does this
     * without the extra statement: V55.)
     * <p>
     * Call it first in a {@code @Transactional} method. It takes effect only when that method began the transaction:
     * joined into a larger one (an admission step registers its new member through the member service) it changes
     * nothing, since the rest of that transaction may read subtrees, where a generic plan for a path range once turned
     * 1 ms into 4.6 s.
     */
    public void reusePlans() {
        TransactionStatus status;
        try {
            status = TransactionAspectSupport.currentTransactionStatus();
        } catch (NoTransactionException e) {
            throw new IllegalStateException("reusePlans() belongs at the start of a @Transactional method", e);
        }
        if (status.isNewTransaction()) {
            jdbc.sql("set local plan_cache_mode = force_generic_plan").update();
        }
    }
}
