package cn.zhibu.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * 党费 payments recorded by the branches: writers each post payments through {@code POST /api/v1/dues/payments} (cash,
 * the current month's bill, as a secretary records it) for members of their two branches until the time is up or
 * their members run out; then the roll-up is checked: at the province root and at every sampled branch, what the
 * dues roll-up gained during the step equals a recount of the sampled branches' bills and allocations.
 * <p>
 * The members need the month's bill: the step runs the bill run through the API ({@code POST /api/v1/dues/bills/runs},
 * synchronous) for each sampled branch, which bills the branch's members who have a base (the generator records
 * them) and adds nothing where the month is billed already (after {@code DuesBillsBench}'s province run). Bills and
 * payments stay in the data set (the ledger is never deleted); a later run pays the next members whose bill is still
 * open.
 */
final class DuesPaymentBurst {

    /** Members paid per branch at most: enough for a 20 s run of 16 writers at several hundred per second. */
    private static final int MEMBERS_PER_BRANCH = 300;
    private static final Duration BILL_RUN_TIMEOUT = Duration.ofMinutes(2);
    private static final List<String> METRICS = List.of("DUE", "BILLS", "PAID", "BILLS_PAID");

    private static final String ROLLUP = """
            select org_id, metric, sum(n) from (
                select org_id, metric, n from dues_rollup where org_id = any(?) and period = ?::date and metric = any(?)
                union all
                select org_id, metric, n from dues_rollup_delta where org_id = any(?) and period = ?::date and metric = any(?)
            ) r group by org_id, metric""";

    /** A branch's bills of the month, recounted from the bills themselves (分 and counts). */
    private static final String RECOUNT = """
            select o.path,
                   coalesce(sum(b.amount * 100) filter (where b.status <> 'VOID'), 0)::bigint,
                   count(*) filter (where b.status <> 'VOID'),
                   coalesce(sum(b.paid * 100), 0)::bigint,
                   count(*) filter (where b.status = 'PAID')
            from dues_bill b join organization o on o.id = b.org_id
            where b.org_id = any(?) and b.month = ?::date group by o.path""";

    private final ApiClient api;
    private final Db db;
    private final DatasetSampler sampler;
    private final BenchOptions options;
    private final List<String> notes;
    /**
     * Pairs drawn per writer, so that enough still owe this month's dues after earlier runs paid some: the draw is
     * the same in every run (--seed), and each run pays its 16 pairs in full, so 8 per writer ran out after 8 runs
     * on one data set. The pairs are checked in order until 16 owe, so a larger draw costs only when needed.
     */
    private static final int CANDIDATES = 64;

    DuesPaymentBurst(ApiClient api, Db db, DatasetSampler sampler, BenchOptions options, List<String> notes) {
        this.api = api;
        this.db = db;
        this.sampler = sampler;
        this.options = options;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        // Earlier runs paid the month in the branches drawn first, so draw more pairs and keep those still owing (the
        // sampler's note on shared counties is about the candidates, not the writers kept: not passed on)
        List<WriterBranches> plan = owing(sampler.writerBranches(options.writers() * CANDIDATES, new ArrayList<>()));
        if (plan.isEmpty()) {
            notes.add("dues payments: no two branches to pay in; not measured");
            return Optional.empty();
        }
        List<OrgRef> branches = plan.stream().flatMap(p -> Stream.of(p.home(), p.away())).distinct().toList();
        long root = branches.get(0).pathIds().get(0);
        YearMonth month = YearMonth.now();
        Map<Long, Map<String, Long>> before = rollup(touched(branches), month);
        Map<String, long[]> recountBefore = recount(branches, month);
        long billed = bill(branches, month);

        List<List<Long>> payable = new ArrayList<>();
        for (WriterBranches p : plan) {
            payable.add(openBills(List.of(p.home(), p.away()), month));
        }
        LatencyStats stats = new LatencyStats();
        ExecutorService pool = Threads.pool("bench-dues", plan.size());
        try {
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(options.writeSeconds()).toNanos();
            List<Future<?>> writers = new ArrayList<>();
            for (List<Long> members : payable) {
                writers.add(pool.submit(() -> pay(members, month, stats, deadline)));
            }
            writers.forEach(w -> Threads.await(w, "a dues writer"));
            stats.wallTime(System.nanoTime() - start);
        } finally {
            pool.shutdownNow();
        }

        Check check = check(root, branches, month, before, recountBefore);
        if (!check.mismatches().isEmpty()) {
            notes.add("dues payments: " + check.mismatches().size() + " roll-up values differ from the recount, e.g. "
                    + String.join("; ", check.mismatches().subList(0, Math.min(5, check.mismatches().size()))));
        }
        return Optional.of(ResultRow.of("dues_payments_" + plan.size(), datasetMembers, stats)
                .with("writers", plan.size())
                .with("branches", branches.size())
                .with("bills_made", billed)
                .with("payable_members", payable.stream().mapToInt(List::size).sum())
                .with("payments", stats.successes())
                .with("rollup_check", check.mismatches().size())
                .with("rollup_values_checked", check.values())
                .with("rollup_check_ms", check.millis()));
    }

    /** One writer: each member's month in turn, one payment each, until the deadline. */
    private void pay(List<Long> members, YearMonth month, LatencyStats stats, long deadline) {
        String today = LocalDate.now().toString();
        for (long member : members) {
            if (System.nanoTime() >= deadline) {
                return;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("memberId", member);
            body.put("months", List.of(month.toString()));
            body.put("method", "CASH");
            body.put("receiptNo", "BENCH-" + member + "-" + month);
            body.put("payer", "SELF");
            body.put("paidOn", today);
            stats.record(api.post("/api/v1/dues/payments", body));
        }
    }

    /** Bills the month for each branch through the bill run's API; returns the bills made (0 where billed already). */
    private long bill(List<OrgRef> branches, YearMonth month) {
        long made = 0;
        for (OrgRef branch : branches) {
            ApiResponse run = api.post("/api/v1/dues/bills/runs", Map.of("orgId", branch.id(), "month", month.toString()),
                    BILL_RUN_TIMEOUT);
            if (run.ok()) {
                made += run.json().get("bills").asLong();
            } else {
                notes.add("dues payments: the bill run of branch " + branch.id() + " failed: " + run.describe());
            }
        }
        return made;
    }

    /** Members of a branch in the registry whose bill of the month is open and unpaid, at most {@link #MEMBERS_PER_BRANCH}. */
    /** The first {@code writers} pairs with a member whose bill of this month is still open (or not yet made). */
    private List<WriterBranches> owing(List<WriterBranches> candidates) {
        YearMonth month = YearMonth.now();
        List<WriterBranches> owing = new ArrayList<>();
        for (WriterBranches p : candidates) {
            if (owing.size() == options.writers()) {
                break;
            }
            boolean paid = db.query("""
                            select count(*) from registry_member r
                            where r.org_path in (?, ?) and not exists (select 1 from dues_bill b
                                where b.member_id = r.member_id and b.month = ?::date and b.status <> 'OPEN')""",
                    rs -> rs.getLong(1), p.home().path(), p.away().path(), month.atDay(1)).get(0) == 0;
            if (!paid) {
                owing.add(new WriterBranches(owing.size(), p.home(), p.away()));
            }
        }
        return owing;
    }

    private List<Long> openBills(List<OrgRef> branches, YearMonth month) {
        List<Long> members = new ArrayList<>();
        for (OrgRef branch : branches) {
            members.addAll(db.query("""
                            select b.member_id from dues_bill b
                            where b.org_id = ? and b.month = ?::date and b.status = 'OPEN' and b.paid = 0
                              and exists (select 1 from registry_member r where r.member_id = b.member_id)
                            order by b.member_id limit ?""",
                    rs -> rs.getLong(1), branch.id(), month.atDay(1), MEMBERS_PER_BRANCH));
        }
        return members;
    }

    private record Check(List<String> mismatches, int values, long millis) {
    }

    /**
     * What the roll-up of the root and of each branch gained equals what the recount of the sampled branches gained
     * (the step wrote nowhere else); and each branch's roll-up equals its recount outright.
     */
    private Check check(long root, List<OrgRef> branches, YearMonth month, Map<Long, Map<String, Long>> before,
                        Map<String, long[]> recountBefore) {
        long started = System.nanoTime();
        Map<Long, Map<String, Long>> after = rollup(touched(branches), month);
        Map<String, long[]> recountAfter = recount(branches, month);
        List<String> mismatches = new ArrayList<>();
        int values = 0;
        long[] gained = new long[METRICS.size()];
        for (OrgRef branch : branches) {
            long[] b = recountBefore.getOrDefault(branch.path(), new long[METRICS.size()]);
            long[] a = recountAfter.getOrDefault(branch.path(), new long[METRICS.size()]);
            for (int i = 0; i < METRICS.size(); i++) {
                gained[i] += a[i] - b[i];
                long kept = value(after, branch.id(), METRICS.get(i)) - value(before, branch.id(), METRICS.get(i));
                values++;
                if (kept != a[i] - b[i]) {
                    mismatches.add("branch " + branch.id() + " " + METRICS.get(i) + ": roll-up +" + kept
                            + ", recount +" + (a[i] - b[i]));
                }
            }
        }
        for (int i = 0; i < METRICS.size(); i++) {
            long kept = value(after, root, METRICS.get(i)) - value(before, root, METRICS.get(i));
            values++;
            if (kept != gained[i]) {
                mismatches.add("root " + root + " " + METRICS.get(i) + ": roll-up +" + kept + ", recount of the "
                        + branches.size() + " branches +" + gained[i]);
            }
        }
        return new Check(mismatches, values, (System.nanoTime() - started) / 1_000_000);
    }

    private static long value(Map<Long, Map<String, Long>> rollup, long orgId, String metric) {
        return rollup.getOrDefault(orgId, Map.of()).getOrDefault(metric, 0L);
    }

    /** The root and the branches: the values the check compares (the ancestors between them change too). */
    private static Long[] touched(List<OrgRef> branches) {
        return Stream.concat(Stream.of(branches.get(0).pathIds().get(0)), branches.stream().map(OrgRef::id))
                .distinct().toArray(Long[]::new);
    }

    private Map<Long, Map<String, Long>> rollup(Long[] orgIds, YearMonth month) {
        String[] metrics = METRICS.toArray(String[]::new);
        Map<Long, Map<String, Long>> values = new HashMap<>();
        db.query(ROLLUP, rs -> values.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2),
                rs.getLong(3)), orgIds, month.atDay(1), metrics, orgIds, month.atDay(1), metrics);
        return values;
    }

    private Map<String, long[]> recount(List<OrgRef> branches, YearMonth month) {
        Map<String, long[]> counts = new HashMap<>();
        db.query(RECOUNT, rs -> counts.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4),
                rs.getLong(5)}), branches.stream().map(OrgRef::id).toArray(Long[]::new), month.atDay(1));
        return counts;
    }
}
