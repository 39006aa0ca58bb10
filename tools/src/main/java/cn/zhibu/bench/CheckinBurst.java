package cn.zhibu.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code checkin_burst_1000}: a thousand invitees of one meeting check in within {@code --checkin-seconds} (60) over
 * HTTP, each at a random moment of that time (open loop: arrivals do not wait for answers), each with the code the
 * room screen shows then — the manager's screen fetches the current code from the API as each 30-second window turns.
 * Reports the scans' latencies and errors, and {@code counted_once}: the invitees whose row is checked in afterwards
 * (must equal {@code invitees}). The meeting, the accounts and any members created for it are removed afterwards.
 */
final class CheckinBurst {

    static final int INVITEES = 1_000;
    private static final int CLIENT_THREADS = 200;

    private final ApiClient api;
    private final Db db;
    private final DatasetSampler sampler;
    private final BenchOptions options;
    private final List<String> notes;

    CheckinBurst(ApiClient api, Db db, DatasetSampler sampler, BenchOptions options, List<String> notes) {
        this.api = api;
        this.db = db;
        this.sampler = sampler;
        this.options = options;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        try (CheckinMeetingSetup setup = new CheckinMeetingSetup(api, db, sampler, notes)) {
            CheckinMeetingSetup.Prepared prepared = setup.prepare(INVITEES);
            long meeting = prepared.meetingId();
            Screen screen = new Screen(api, meeting);
            screen.start();
            LatencyStats stats = new LatencyStats();
            LongAdder firsts = new LongAdder();
            long elapsed;
            try {
                elapsed = burst(prepared.members(), screen, stats, firsts, meeting);
            } finally {
                screen.stop();
            }
            stats.wallTime(elapsed);
            long counted = db.queryLong("select count(checked_in_at) from life_invitee where meeting_id = ?", meeting);
            if (counted != prepared.members().size()) {
                notes.add("checkin: " + counted + " of " + prepared.members().size() + " invitees counted as checked in");
            }
            return Optional.of(ResultRow.of("checkin_burst_" + INVITEES, datasetMembers, stats)
                    .with("invitees", prepared.members().size())
                    .with("counted_once", counted)
                    .with("first_scans", firsts.sum())
                    .with("seconds", options.checkinSeconds())
                    .with("meeting_org_members", prepared.org().members())
                    .with("screen_code_fetches", screen.fetches()));
        }
    }

    /** Every member scans once, at a random moment of the burst; returns the wall time until the last answer. */
    private long burst(List<ApiClient> members, Screen screen, LatencyStats stats, LongAdder firsts, long meeting) {
        Random random = new Random(options.seed());
        long spread = Duration.ofSeconds(options.checkinSeconds()).toNanos();
        List<Long> arrivals = new ArrayList<>();
        members.forEach(m -> arrivals.add((long) (random.nextDouble() * spread)));
        Collections.sort(arrivals);
        List<ApiClient> order = new ArrayList<>(members);
        Collections.shuffle(order, random);
        ExecutorService pool = Threads.pool("bench-checkin", Math.min(CLIENT_THREADS, members.size()));
        try {
            long start = System.nanoTime();
            List<Future<?>> scans = new ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                ApiClient member = order.get(i);
                long at = start + arrivals.get(i);
                scans.add(pool.submit(() -> {
                    sleepUntil(at);
                    ApiResponse r = member.post("/api/v1/life/meetings/" + meeting + "/checkin",
                            java.util.Map.of("code", screen.code()));
                    stats.record(r);
                    if (r.ok() && !r.json().path("repeated").asBoolean()) {
                        firsts.increment();
                    }
                }));
            }
            scans.forEach(s -> Threads.await(s, "checkin: a scan"));
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The room screen: the current code, fetched by the manager from the API whenever the window turns. */
    private static final class Screen implements Runnable {

        private final ApiClient manager;
        private final long meeting;
        private final AtomicReference<String> code = new AtomicReference<>();
        private final LongAdder fetches = new LongAdder();
        private volatile boolean running = true;
        private Thread thread;

        Screen(ApiClient manager, long meeting) {
            this.manager = manager;
            this.meeting = meeting;
        }

        void start() {
            fetch();
            thread = Threads.daemon("bench-screen").newThread(this);
            thread.start();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        String code() {
            return code.get();
        }

        long fetches() {
            return fetches.sum();
        }

        @Override
        public void run() {
            while (running) {
                Instant next = fetch();
                long wait = Duration.between(Instant.now(), next).toMillis() + 100;
                try {
                    Thread.sleep(Math.max(1_000, wait));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Fetches the current code; returns when it rotates. */
        private Instant fetch() {
            ApiResponse r = manager.get("/api/v1/life/meetings/" + meeting + "/checkin-code?purpose=IN");
            if (!r.ok()) {
                throw new BenchException("checkin: the screen's code could not be fetched: " + r.describe());
            }
            fetches.increment();
            code.set(Json.text(r.json(), "code"));
            return Instant.parse(Json.text(r.json(), "rotatesAt"));
        }
    }
}
