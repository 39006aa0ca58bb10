package cn.zhibu.fuzz;

import cn.zhibu.fuzz.RequestFactory.FuzzRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives every operation of the application's OpenAPI document with generated bad and edge input, over plain
 * HTTP from several threads, and reports what came back: counts by status, the slowest answers, and every answer
 * that is a failure — a 5xx, or slower than the limit. Made for the {@code ApiFuzzIntegrationTest} (20,000 requests
 * in about two minutes) and for long runs against a running server:
 *
 * <pre>
 * java ... cn.zhibu.fuzz.ApiFuzzer --url http://localhost:8080 --user shuji --password Zhibu@2026 \
 *      [--others admin:Zhibu@2026] [--requests 1000000] [--seconds 0] [--threads 4] [--seed 1] [--only 1234]
 * </pre>
 *
 * The run is reproducible by its seed: request number n is made from the seed and n alone ({@code --only n} sends
 * just that one again), though what the server answers also depends on what earlier requests changed.
 */
public final class ApiFuzzer {

    /**
     * @param requests stop after this many requests
     * @param budget   or after this long, whichever comes first (zero: no time limit)
     * @param slow     an answer slower than this is a failure
     */
    public record Settings(String baseUrl, String username, String password, String othersUsername,
                           String othersPassword, long requests, Duration budget, int threads, long seed,
                           Duration slow) {

        public Settings {
            if (threads < 1 || requests < 1) {
                throw new IllegalArgumentException("threads and requests must be positive");
            }
        }
    }

    /** Names each request ("seed-index"), so that a server-side log or filter can say which request failed. */
    public static final String REQUEST_HEADER = "X-Fuzz-Request";
    static final int KEEP_FAILURES = 2_000;
    private static final int KEEP_SLOWEST = 10;

    private final FuzzHttp http;
    private final ApiDocument document;
    private final String token;
    private final RequestFactory factory;
    private final Settings settings;

    private ApiFuzzer(Settings settings, FuzzHttp http, ApiDocument document, String token, RequestFactory factory) {
        this.settings = settings;
        this.http = http;
        this.document = document;
        this.token = token;
        this.factory = factory;
    }

    /**
     * Reads the document, logs in, and collects the ids to use: the caller's own through its account, others'
     * through the second account (if given; e.g. the administrator, or a secretary of another branch).
     */
    public static ApiFuzzer prepare(Settings settings) {
        FuzzHttp http = new FuzzHttp(settings.baseUrl());
        ApiDocument document = ApiDocument.parse(http.getText("/v3/api-docs"));
        String token = http.login(settings.username(), settings.password());
        Map<String, Set<String>> own = IdHarvester.harvest(http, token);
        Map<String, Set<String>> all = new TreeMap<>(own);
        if (settings.othersUsername() != null) {
            all = IdHarvester.harvest(http, http.login(settings.othersUsername(), settings.othersPassword()));
        }
        IdPools pools = IdPools.of(own, all);
        byte[] upload = http.getBytes("/api/v1/member-imports/template", token);
        RequestFactory factory = new RequestFactory(document, pools, upload, Set.of("DELETE /api/v1/auth/token"),
                settings.seed());
        System.out.printf("fuzzing %d operations as %s, seed %d; ids: %s%n", document.operations().size(),
                settings.username(), settings.seed(), pools.summary());
        return new ApiFuzzer(settings, http, document, token, factory);
    }

    public ApiDocument document() {
        return document;
    }

    public FuzzReport run() {
        return run(0);
    }

    /** Sends requests numbered from {@code firstIndex} until the count or the time budget is reached. */
    public FuzzReport run(long firstIndex) {
        AtomicLong next = new AtomicLong(firstIndex);
        long end = firstIndex + settings.requests();
        long deadline = settings.budget().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.budget().toNanos();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, Map<Integer, LongAdder>> byOperation = new ConcurrentHashMap<>();
        List<FuzzAnswer> failures = new ArrayList<>();
        LongAdder failureCount = new LongAdder();
        LongAdder html = new LongAdder();
        PriorityQueue<FuzzAnswer> slowest = new PriorityQueue<>(Comparator.comparingLong(FuzzAnswer::millis));
        LongAdder sent = new LongAdder();
        CountDownLatch done = new CountDownLatch(settings.threads());
        long started = System.nanoTime();
        for (int t = 0; t < settings.threads(); t++) {
            Thread worker = new Thread(() -> {
                try {
                    long i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < end) {
                        FuzzAnswer a = send(factory.create(i));
                        sent.increment();
                        byStatus.computeIfAbsent(a.status(), s -> new LongAdder()).increment();
                        byOperation.computeIfAbsent(a.request().operation(), o -> new ConcurrentHashMap<>())
                                .computeIfAbsent(a.status(), s -> new LongAdder()).increment();
                        if (a.status() >= 400 && a.contentType() != null && a.contentType().startsWith("text/html")) {
                            html.increment();
                        }
                        synchronized (slowest) {
                            slowest.add(a);
                            if (slowest.size() > KEEP_SLOWEST) {
                                slowest.poll();
                            }
                        }
                        if (a.broken() || a.slow(settings.slow())) {
                            failureCount.increment();
                            synchronized (failures) {
                                if (failures.size() < KEEP_FAILURES) {
                                    failures.add(a.withBodyAtMost(64 * 1024));
                                }
                            }
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "fuzz-" + t);
            worker.setDaemon(true);
            worker.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<FuzzAnswer> slow = new ArrayList<>(slowest);
        slow.sort(Comparator.comparingLong(FuzzAnswer::millis).reversed());
        failures.sort(Comparator.comparingLong(a -> a.request().index()));
        List<FuzzAnswer> underLoadOnly = new ArrayList<>();
        List<FuzzAnswer> confirmed = new ArrayList<>();
        for (FuzzAnswer a : failures) {
            if (passesAlone(a)) {
                underLoadOnly.add(a);
            } else {
                confirmed.add(a);
            }
        }
        return new FuzzReport(settings.seed(), sent.sum(), elapsed, counts(byStatus), byOperationCounts(byOperation), slow,
                confirmed, failureCount.sum() - underLoadOnly.size(), underLoadOnly, html.sum());
    }

    /**
     * Whether a failure of the run goes away when its request is sent again alone: a slow answer that is fast then,
     * or no answer (the connection closed under the client, as a loopback under load now and then does) that is
     * then a proper answer. A 5xx is never excused, and neither is a request that fails again.
     */
    private boolean passesAlone(FuzzAnswer a) {
        if (a.status() >= 500) {
            return false;
        }
        FuzzAnswer again = send(factory.create(a.request().index()));
        return !again.broken() && !again.slow(settings.slow());
    }

    /** Sends one request and waits for the whole answer. */
    FuzzAnswer send(FuzzRequest r) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(http.base() + r.pathAndQuery()))
                .timeout(Duration.ofSeconds(60));
        HttpRequest.BodyPublisher body = r.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(r.body());
        b.method(r.method(), body);
        if (r.contentType() != null) {
            b.header("Content-Type", r.contentType());
        }
        if (r.accept() != null) {
            b.header("Accept", r.accept());
        }
        b.header(REQUEST_HEADER, settings.seed() + "-" + r.index());
        switch (r.auth()) {
            case CALLER -> b.header("Authorization", "Bearer " + token);
            case FORGED -> b.header("Authorization", "Bearer " + "forged" + Long.toHexString(r.index()));
            case NONE -> { }
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.client().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new FuzzAnswer(r, response.statusCode(), millis,
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), 0, Math.min(response.body().length, 4000), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new FuzzAnswer(r, 0, (System.nanoTime() - start) / 1_000_000, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            // a request the JDK client refuses to send (it checks URIs and methods): not the server's failure
            return new FuzzAnswer(r, -1, 0, null, e.toString());
        }
    }

    private static Map<Integer, Long> counts(Map<Integer, LongAdder> adders) {
        Map<Integer, Long> counts = new TreeMap<>();
        adders.forEach((k, v) -> counts.put(k, v.sum()));
        return counts;
    }

    private static Map<String, Map<Integer, Long>> byOperationCounts(Map<String, Map<Integer, LongAdder>> adders) {
        Map<String, Map<Integer, Long>> counts = new TreeMap<>();
        adders.forEach((op, byStatus) -> counts.put(op, counts(byStatus)));
        return counts;
    }

    public static void main(String[] args) {
        System.exit(runFromArgs(args).failureCount() == 0 ? 0 : 1);
    }

    /** What {@code main} does, without leaving the JVM: for a caller such as the benchmark module. */
    public static FuzzReport runFromArgs(String... args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String[] others = options.getOrDefault("others", "").split(":", 2);
        Settings settings = new Settings(options.getOrDefault("url", "http://localhost:8080"),
                options.getOrDefault("user", "shuji"), options.getOrDefault("password", "Zhibu@2026"),
                others.length == 2 ? others[0] : null, others.length == 2 ? others[1] : null,
                Long.parseLong(options.getOrDefault("requests", "1000000")),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "0"))),
                Integer.parseInt(options.getOrDefault("threads", "4")), Long.parseLong(options.getOrDefault("seed", "1")),
                Duration.ofMillis(Long.parseLong(options.getOrDefault("slow-ms", "2000"))));
        ApiFuzzer fuzzer = prepare(settings);
        if (options.containsKey("only")) {
            long index = Long.parseLong(options.get("only"));
            FuzzAnswer a = fuzzer.send(fuzzer.factory.create(index));
            System.out.println(a.describe());
            return new FuzzReport(settings.seed(), 1, Duration.ofMillis(a.millis()), Map.of(a.status(), 1L), Map.of(),
                    List.of(a), a.broken() ? List.of(a) : List.of(), a.broken() ? 1 : 0, List.of(), 0);
        }
        FuzzReport report = fuzzer.run();
        System.out.print(report.summary());
        System.out.print(report.failuresByCause(id -> null));
        System.out.print(report.failuresByOperation(id -> null));
        return report;
    }
}
