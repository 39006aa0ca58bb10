package cn.zhibu.bench;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 党费 bills of one month for the whole province through the API (one set-based statement in the app): the bills of
 * the current month are removed first (with their roll-up rows and run), so the run makes every bill again and the
 * time is the full month's, not a top-up of the missing ones. Target: 5 M members in 60 s.
 */
final class DuesBillsBench {

    static final String OPERATION = "党费账单生成（全省）";
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RECOUNT_TIMEOUT = Duration.ofMinutes(20);

    private final ApiClient api;
    private final Db db;
    private final List<String> notes;

    DuesBillsBench(ApiClient api, Db db, List<String> notes) {
        this.api = api;
        this.db = db;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        long bases = db.queryLong("select count(*) from dues_base");
        if (bases == 0) {
            notes.add(OPERATION + ": no dues bases in the data set (run `zhibu-tools dues-bases`); not measured");
            return Optional.empty();
        }
        long root = db.queryLong("select id from organization where parent_id is null order by id limit 1");
        YearMonth month = YearMonth.now();
        String first = month.atDay(1).toString();
        db.execute("delete from dues_bill where month = date '" + first + "'");
        db.execute("delete from dues_rollup_delta where period = date '" + first + "' and metric in ('DUE', 'BILLS', 'BILLS_PAID')");
        db.execute("delete from dues_rollup where period = date '" + first + "' and metric in ('DUE', 'BILLS', 'BILLS_PAID')");
        db.execute("delete from dues_bill_run where month = date '" + first + "'");
        db.execute("vacuum analyze dues_bill");
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        ApiResponse made = api.post("/api/v1/dues/bills/runs", Map.of("orgId", root, "month", month.toString()), TIMEOUT);
        stats.record(made);
        stats.wallTime(System.nanoTime() - start);
        Long bills = null;
        Double recount = null;
        if (made.ok()) {
            bills = made.json().get("bills").asLong();
            recount = awaitArrearsRecount();
        } else {
            notes.add(OPERATION + ": " + made.describe());
        }
        return Optional.of(ResultRow.of(OPERATION, datasetMembers, stats)
                .with("bills", bills)
                .with("bases", bases)
                .with("seconds", ResultRow.round(made.nanos() / 1e9, 1))
                .with("arrears_recount_seconds", recount));
    }

    /**
     * A province's run leaves its F8 recount to the background (in slices, dues_arrears_pending); the phases after
     * this one wait until it is done, so that they measure themselves and not the recount beside them. Returns how
     * long the recount took after the run answered, or null when it did not finish in time (noted).
     */
    private Double awaitArrearsRecount() {
        long start = System.nanoTime();
        long deadline = start + RECOUNT_TIMEOUT.toNanos();
        while (db.queryLong("select count(*) from dues_arrears_pending") > 0) {
            if (System.nanoTime() > deadline) {
                notes.add(OPERATION + ": the F8 recount after the run was not done after "
                        + RECOUNT_TIMEOUT.toMinutes() + " minutes; the phases after it ran beside it");
                return null;
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return ResultRow.round((System.nanoTime() - start) / 1e9, 1);
    }
}
