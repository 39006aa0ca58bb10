package cn.zhibu.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One benchmark run, in the order that keeps measurements apart: sample, warm up, time each read alone, the mixed
 * read load, the naive baselines, the writers, the 党费 payments, the check-in burst, and last the subtree move (the
 * only step that restructures data, and it puts everything back).
 */
final class BenchRun {

    private static final String DASHBOARD = "dashboard_";

    private final BenchOptions options;
    private final PrintStream out;
    private final List<String> notes = new ArrayList<>();

    BenchRun(BenchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    void run() {
        OffsetDateTime started = OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        say("Logging in to %s as %s (HTTP client: %s); database %s", options.url(), options.user(),
                options.client().label(), options.jdbcUrl());
        ApiClient api = ApiClient.login(options.url(), options.user(), options.password(), options.client());
        Scope scope = Scope.of(api);
        try (Db db = Db.connect(options.jdbcUrl(), options.dbUser(), options.dbPassword())) {
            DatasetSampler sampler = new DatasetSampler(db, scope, options.seed());
            long members = sampler.totalMembers();
            if (options.onePhaseOnly()) {
                List<ResultRow> rows = new ArrayList<>();
                if (options.onlyStudy()) {
                    study(api, db, members).ifPresent(rows::add);
                }
                if (options.onlyWrites()) {
                    writes(api, db, sampler, members).ifPresent(rows::add);
                }
                if (options.onlyMove()) {
                    move(api, db, sampler, members).ifPresent(rows::add);
                }
                finish(rows, started, scope, members);
                return;
            }
            say("Data set: %,d members. Sampling up to %d organizations per level …", members, options.samples());
            Map<Level, List<SampleOrg>> samples = sampler.sampleLevels(options.samples());
            samples.forEach((level, orgs) -> say("  %-15s %3d organizations, %,.0f members on average", level.label(),
                    orgs.size(), orgs.stream().mapToLong(SampleOrg::members).average().orElse(0)));

            say("Preparing reads (names to search, 身份证号, cursors of page 200) …");
            List<ReadOperation> reads = new ReadPlanner(api, sampler, samples, options.samples(), notes).plan();
            if (reads.isEmpty()) {
                throw new BenchException("nothing to read: is the data set empty, or outside the user's scope?");
            }
            warmUp(api, reads);

            List<ResultRow> rows = new ArrayList<>(timeReads(api, reads, members));
            rows.addAll(mixed(api, reads, members));
            say("Naive baselines (recursive CTE, RuoYi ancestors LIKE) on the same organizations …");
            rows.addAll(new NaiveBaselines(db, options.samples(), notes).measure(samples, members));
            if (!options.skipWrites()) {
                writes(api, db, sampler, members).ifPresent(rows::add);
            }
            if (!options.skipWrites()) {
                say("党费: one month's bills for the whole province …");
                phase("dues", () -> new DuesBillsBench(api, db, notes).run(members)).ifPresent(rows::add);
                say("党费 payments: %d writers record payments through the API for %d s, then the roll-up check …",
                        options.writers(), options.writeSeconds());
                phase("dues payments", () -> new DuesPaymentBurst(api, db, sampler, options, notes).run(members))
                        .ifPresent(rows::add);
            }
            if (!options.skipCheckin()) {
                say("Check-in burst: %,d invitees of one meeting scan within %d s, then clean-up …",
                        CheckinBurst.INVITEES, options.checkinSeconds());
                phase("checkin", () -> new CheckinBurst(api, db, sampler, options, notes).run(members))
                        .ifPresent(rows::add);
            }
            if (!options.skipStudy()) {
                study(api, db, members).ifPresent(rows::add);
            }
            if (!options.skipMove()) {
                move(api, db, sampler, members).ifPresent(rows::add);
            }

            if (options.roster()) {
                say("Rosters: export of 1,000,000+ rows, import of 100,000 rows …");
                RosterBench roster = new RosterBench(api, db, samples, notes);
                if (!options.skipExport()) {
                    phase("export", () -> roster.export(members)).ifPresent(rows::add);
                }
                phase("import", () -> roster.importRows(members)).ifPresent(rows::add);
            }

            finish(rows, started, scope, members);
        }
    }

    private Optional<ResultRow> writes(ApiClient api, Db db, DatasetSampler sampler, long members) {
        say("Writes: %d writers for %d s, then roll-up recount and clean-up …", options.writers(),
                options.writeSeconds());
        return phase("writes", () -> new WriteWorkload(api, db, sampler, options, notes).run(members));
    }

    private Optional<ResultRow> move(ApiClient api, Db db, DatasetSampler sampler, long members) {
        say("Subtree move of the committee nearest to 5,000 members, there and back …");
        return phase("move", () -> new SubtreeMove(api, db, sampler, notes).run(members));
    }

    private Optional<ResultRow> study(ApiClient api, Db db, long members) {
        say("Study heartbeats: %d members beat one session each, back to back, for %d s untimed, then %d s timed, "
                + "then clean-up …", options.concurrency(), options.warmupSeconds(), options.studySeconds());
        return phase("study", () -> new StudyBeatBurst(api, db, options, notes).run(members));
    }

    private void finish(List<ResultRow> rows, OffsetDateTime started, Scope scope, long members) {
        BaselineComparison.attach(rows);
        rows.forEach(Targets::annotate);
        ReportPrinter printer = new ReportPrinter(out);
        printer.table(rows, members);
        BaselineComparison.print(out, rows);
        printer.problems(rows, notes);
        ResultsWriter.write(options, rows, meta(started, scope, members));
        say("%nWrote %s and %s", options.out(), options.metaOut());
    }

    /**
     * Untimed: the mixed load for a few seconds, then every read one request at a time, as they are timed next. The
     * mixed load alone left each view's own code to be compiled while it was timed — at 5 M members on two cores a
     * fresh app's branch dashboard p95 10.1 ms, the same reads again on the warm app 3.5 — and the sequential pass
     * last lets the compiler finish what the concurrent load queued before the first read is timed.
     */
    private void warmUp(ApiClient api, List<ReadOperation> reads) {
        if (options.warmupSeconds() > 0) {
            say("Warming up for %d s (untimed) …", options.warmupSeconds());
            MixedLoad.run(api, reads, Math.min(8, options.concurrency()), Duration.ofSeconds(options.warmupSeconds()));
        }
        for (int pass = 1; pass <= options.warmupPasses(); pass++) {
            say("Warming up: pass %d of %d over every read, one at a time (untimed) …", pass, options.warmupPasses());
            for (ReadOperation read : reads) {
                ReadTimer.time(api, read.uris(), options.samples());
                if (reloaded(read)) {
                    // the 304 path too: no warm-up before it sent a tag back, so the first row timing it (the
                    // root's) ran it cold — p95 3.1 ms against p50 0.6, a fresh root dashboard's 2.4 in that run
                    ReadTimer.timeRepeated(api, read.uris(), options.samples());
                }
            }
        }
    }

    /** The reads also timed as a user reloads them, with the tag of the last answer: the dashboards. */
    private static boolean reloaded(ReadOperation read) {
        return read.name().startsWith(DASHBOARD);
    }

    private List<ResultRow> timeReads(ApiClient api, List<ReadOperation> reads, long members) {
        say("Reads, one at a time, %d requests each:", options.samples());
        List<ResultRow> rows = new ArrayList<>();
        for (ReadOperation read : reads) {
            rows.add(report(ResultRow.of(read.name(), members, ReadTimer.time(api, read.uris(), options.samples()))
                    .withAll(read.facts())));
        }
        // the dashboard as a user reloads it (issue 16: repeated reads answered by the roll-up's version)
        for (ReadOperation read : reads) {
            if (reloaded(read)) {
                String name = DASHBOARD + "repeat_" + read.name().substring(DASHBOARD.length());
                LatencyStats stats = ReadTimer.timeRepeated(api, read.uris(), options.samples());
                rows.add(report(ResultRow.of(name, members, stats).withAll(read.facts())
                        .with("not_modified_304", stats.notModified())));
            }
        }
        return rows;
    }

    /**
     * The framework's own cost first — {@code /api/v1/me}, which reads nothing but the caller's cached scope — then
     * the read plan by clients that want every answer computed afresh (A: the views' work) and by clients that keep
     * and send back the tags of what they got (B: as browsers and apps repeat), all at the same concurrency and for
     * the same time; B's throughput is judged against {@code /me}'s. The mix draws on the first {@code --mixed-uris}
     * requests of each read (50): with all 200 samples per read the plan holds about 10,000 URIs, and in 30 s B
     * spends its time computing each once rather than measuring clients that repeat — the workload every run before
     * the tenth session of issue 16 measured, including latest.json's.
     */
    private List<ResultRow> mixed(ApiClient api, List<ReadOperation> reads, long members) {
        int clients = options.concurrency();
        Duration time = Duration.ofSeconds(options.mixedSeconds());
        say("Mixed reads: %d clients for %d s each — /api/v1/me, the plan afresh (A), the plan repeating (B) …",
                clients, options.mixedSeconds());
        List<ReadOperation> me = List.of(new ReadOperation("me", List.of("/api/v1/me"), Map.of()));
        LatencyStats framework = MixedLoad.run(api, me, clients, time, MixedLoad.Clients.REPEATING);
        ResultRow meRow = report(ResultRow.of("me_c" + clients, members, framework).with("clients", clients)
                .with("seconds", options.mixedSeconds()));
        List<ReadOperation> mix = reads.stream().map(read -> read.first(options.mixedUris())).toList();
        LatencyStats fresh = MixedLoad.run(api, mix, clients, time, MixedLoad.Clients.FRESH);
        LatencyStats repeating = MixedLoad.run(api, mix, clients, time, MixedLoad.Clients.REPEATING);
        double meRps = framework.throughputPerSecond();
        ResultRow freshRow = report(ResultRow.of("mixed_fresh_c" + clients, members, fresh).with("clients", clients)
                .with("seconds", options.mixedSeconds()).with("uris_per_read", options.mixedUris())
                .with("me_rps", round(meRps))
                .with("ratio_vs_me", round(fresh.throughputPerSecond() / meRps)));
        ResultRow repeatingRow = report(ResultRow.of("mixed_c" + clients, members, repeating)
                .with("clients", clients).with("seconds", options.mixedSeconds())
                .with("uris_per_read", options.mixedUris()).with("me_rps", round(meRps))
                .with("ratio_vs_me", round(repeating.throughputPerSecond() / meRps))
                .with("not_modified_304", repeating.notModified())
                .with("fresh_rps", round(fresh.throughputPerSecond())));
        return List.of(meRow, freshRow, repeatingRow);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * Runs a write phase; if it fails, the run goes on with a note, so that the reads already measured (minutes at
     * 5M members) still reach the results file.
     */
    private Optional<ResultRow> phase(String name, Supplier<Optional<ResultRow>> phase) {
        try {
            return phase.get().map(this::report);
        } catch (BenchException e) {
            notes.add(name + " failed: " + e.getMessage());
            say("  %s failed: %s", name, e.getMessage());
            return Optional.empty();
        }
    }

    /** A progress line as each result comes in, so a long run shows where it is. */
    private ResultRow report(ResultRow row) {
        say("  %-48s p95 %9.2f ms  %9.1f rps  %d errors", row.operation(), row.p95Ms(), row.throughputRps(),
                row.errors());
        return row;
    }

    private Map<String, Object> meta(OffsetDateTime started, Scope scope, long members) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("date", started.toString());
        meta.put("duration_s", Duration.between(started, OffsetDateTime.now()).toSeconds());
        meta.put("available_processors", Runtime.getRuntime().availableProcessors());
        meta.put("java", System.getProperty("java.version"));
        meta.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        meta.put("app_url", options.url().toString());
        meta.put("user", options.user());
        meta.put("user_is_admin", scope.admin());
        meta.put("members", members);
        meta.put("samples", options.samples());
        meta.put("concurrency", options.concurrency());
        meta.put("mixed_seconds", options.mixedSeconds());
        meta.put("mixed_uris", options.mixedUris());
        meta.put("writers", options.writers());
        meta.put("write_seconds", options.writeSeconds());
        meta.put("warmup_passes", options.warmupPasses());
        meta.put("warmup_seconds", options.warmupSeconds());
        meta.put("quick", options.quick());
        meta.put("seed", options.seed());
        // Absolute throughputs depend on it: the load generator shares the app's cores (bench/README.md).
        meta.put("http_client", options.client().label());
        meta.put("checkin_seconds", options.checkinSeconds());
        meta.put("study_seconds", options.studySeconds());
        meta.put("notes", notes);
        return meta;
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
