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
import java.util.function.Function;

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

    /** One answer worth reporting. */
    public record Answer(FuzzRequest request, int status, long millis, String contentType, String body) {

        /** The same answer to a request whose body is cut to {@code max} bytes: kept failures stay small. */
        Answer withBodyAtMost(int max) {
            byte[] body = request.body();
            if (body == null || body.length <= max) {
                return this;
            }
            List<String> labels = new ArrayList<>(request.labels());
            labels.add("body cut from " + body.length + " bytes");
            return new Answer(new FuzzRequest(request.index(), request.operation(), request.method(),
                    request.pathAndQuery(), request.contentType(), java.util.Arrays.copyOf(body, max), request.accept(),
                    request.auth(), List.copyOf(labels)), status, millis, contentType, this.body);
        }

        boolean broken() {
            return status >= 500 || status == 0;
        }

        boolean slow(Duration limit) {
            return millis > limit.toMillis();
        }

        String id(long seed) {
            return seed + "-" + request.index();
        }

        String describe() {
            return "status " + (status == 0 ? "none (" + body + ")" : status) + " in " + millis + " ms: "
                    + request.describe(400) + "\n    answer" + (contentType == null ? "" : " [" + contentType + "]")
                    + ": " + RequestFactory.escape(RequestFactory.truncate(body == null ? "" : body, 600));
        }
    }

    /**
     * @param failures      5xx answers, no answers, and answers slow even when sent again alone (of the first
     *                      {@value #KEEP_FAILURES}; {@code failureCount} counts them all)
     * @param slowUnderLoad answers that were slow in the run but not when sent again alone: the machine, not the
     *                      operation (kept out of the failures so that a busy 2-core CI machine does not fail the run)
     */
    public record Report(long seed, long sent, Duration elapsed, Map<Integer, Long> byStatus,
                         Map<String, Map<Integer, Long>> byOperation, List<Answer> slowest, List<Answer> failures,
                         long failureCount, List<Answer> slowUnderLoad, long htmlToApiClient) {

        public double perSecond() {
            return sent / Math.max(0.001, elapsed.toMillis() / 1000.0);
        }

        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format("%,d requests in %.1f s (%.0f/s); by status %s%n", sent, elapsed.toMillis() / 1000.0,
                    perSecond(), byStatus));
            b.append(String.format("error answers in HTML: %,d%n", htmlToApiClient));
            b.append("slowest:\n");
            slowest.forEach(a -> b.append(String.format("  %5d ms  %d  %s %s%n", a.millis(), a.status(),
                    a.request().method(), RequestFactory.truncate(a.request().pathAndQuery(), 120))));
            slowUnderLoad.forEach(a -> b.append(String.format("  slow under load only: %d ms, alone fast: %s %s%n",
                    a.millis(), a.request().method(), RequestFactory.truncate(a.request().pathAndQuery(), 120))));
            b.append(String.format("failures: %,d%s%n", failureCount,
                    failureCount > failures.size() ? " (first " + failures.size() + " kept)" : ""));
            return b.toString();
        }

        /**
         * Failures grouped by their cause on the server (exception and the application's frame; the status where the
         * cause is unknown), each with the operations it hit and the kinds of input most often sent with it.
         */
        public String failuresByCause(Function<String, String> serverSide) {
            Map<String, List<Answer>> groups = new TreeMap<>();
            for (Answer a : failures) {
                String cause = serverSide.apply(a.id(seed));
                String key = (cause == null ? (a.broken() ? "status " + a.status() : "slow") : cause.replaceAll(": .* at ", " at "))
                        + (a.request().accept() == null || a.request().accept().matches("\\*/\\*|application/(problem\\+)?json")
                        ? "" : " (asked for a non-JSON answer)");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
            StringBuilder b = new StringBuilder();
            groups.entrySet().stream().sorted((x, y) -> y.getValue().size() - x.getValue().size()).forEach(e -> {
                Map<String, Long> operations = new TreeMap<>();
                Map<String, Long> inputs = new TreeMap<>();
                for (Answer a : e.getValue()) {
                    operations.merge(a.request().operation(), 1L, Long::sum);
                    a.request().labels().forEach(l -> inputs.merge(l.replaceFirst("^(body|query|path|part)\\.[^=]*=", ""),
                            1L, Long::sum));
                }
                String sample = serverSide.apply(e.getValue().get(0).id(seed));
                b.append(String.format("%4d× %s%n", e.getValue().size(), e.getKey()));
                if (sample != null && sample.contains(": ")) {
                    b.append("      e.g. ").append(sample, sample.indexOf(": ") + 2, sample.lastIndexOf(" at ") > 0
                            ? sample.lastIndexOf(" at ") : sample.length()).append('\n');
                }
                b.append("      inputs: ").append(top(inputs, 4)).append("\n      operations: ")
                        .append(top(operations, 6)).append('\n');
            });
            return b.toString();
        }

        private static String top(Map<String, Long> counts, int n) {
            return counts.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue(), x.getValue())).limit(n)
                    .map(e -> e.getKey() + " " + e.getValue() + "×").toList()
                    + (counts.size() > n ? " and " + (counts.size() - n) + " more" : "");
        }

        /**
         * Failures grouped by operation and status, with one example each and what the server says about it
         * ({@code serverSide}: the exception behind an answer, if the caller can know it; may answer null).
         */
        public String failuresByOperation(Function<String, String> serverSide) {
            Map<String, List<Answer>> groups = new TreeMap<>();
            for (Answer a : failures) {
                String key = a.request().operation() + " → " + (a.status() == 0 ? "no answer" : a.status() >= 500
                        ? Integer.toString(a.status()) : "slow");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
            }
            StringBuilder b = new StringBuilder();
            groups.forEach((key, answers) -> {
                b.append(key).append(" (").append(answers.size()).append("×)\n  e.g. ")
                        .append(answers.get(0).describe().replace("\n", "\n  ")).append('\n');
                Map<String, Long> causes = new TreeMap<>();
                answers.forEach(a -> causes.merge(String.valueOf(serverSide.apply(a.id(seed))), 1L, Long::sum));
                causes.forEach((cause, n) -> b.append("  server: ").append(n).append("× ").append(cause).append('\n'));
                answers.stream().skip(1).limit(4).forEach(a -> b.append("  also inputs ")
                        .append(a.request().labels()).append('\n'));
            });
            return b.toString();
        }
    }

    /** Names each request ("seed-index"), so that a server-side log or filter can say which request failed. */
    public static final String REQUEST_HEADER = "X-Fuzz-Request";
    private static final int KEEP_FAILURES = 2_000;
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

    public Report run() {
        return run(0);
    }

    /** Sends requests numbered from {@code firstIndex} until the count or the time budget is reached. */
    public Report run(long firstIndex) {
        AtomicLong next = new AtomicLong(firstIndex);
        long end = firstIndex + settings.requests();
        long deadline = settings.budget().isZero() ? Long.MAX_VALUE : System.nanoTime() + settings.budget().toNanos();
        Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        Map<String, Map<Integer, LongAdder>> byOperation = new ConcurrentHashMap<>();
        List<Answer> failures = new ArrayList<>();
        LongAdder failureCount = new LongAdder();
        LongAdder html = new LongAdder();
        PriorityQueue<Answer> slowest = new PriorityQueue<>(Comparator.comparingLong(Answer::millis));
        LongAdder sent = new LongAdder();
        CountDownLatch done = new CountDownLatch(settings.threads());
        long started = System.nanoTime();
        for (int t = 0; t < settings.threads(); t++) {
            Thread worker = new Thread(() -> {
                try {
                    long i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < end) {
                        Answer a = send(factory.create(i));
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
        List<Answer> slow = new ArrayList<>(slowest);
        slow.sort(Comparator.comparingLong(Answer::millis).reversed());
        failures.sort(Comparator.comparingLong(a -> a.request().index()));
        List<Answer> slowUnderLoad = new ArrayList<>();
        List<Answer> confirmed = new ArrayList<>();
        for (Answer a : failures) {
            if (!a.broken() && !send(factory.create(a.request().index())).slow(settings.slow())) {
                slowUnderLoad.add(a);
            } else {
                confirmed.add(a);
            }
        }
        return new Report(settings.seed(), sent.sum(), elapsed, counts(byStatus), byOperationCounts(byOperation), slow,
                confirmed, failureCount.sum() - slowUnderLoad.size(), slowUnderLoad, html.sum());
    }

    /** Sends one request and waits for the whole answer. */
    Answer send(FuzzRequest r) {
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
            return new Answer(r, response.statusCode(), millis,
                    response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), 0, Math.min(response.body().length, 4000), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Answer(r, 0, (System.nanoTime() - start) / 1_000_000, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IllegalArgumentException e) {
            // a request the JDK client refuses to send (it checks URIs and methods): not the server's failure
            return new Answer(r, -1, 0, null, e.toString());
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
    public static Report runFromArgs(String... args) {
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
            Answer a = fuzzer.send(fuzzer.factory.create(index));
            System.out.println(a.describe());
            return new Report(settings.seed(), 1, Duration.ofMillis(a.millis()), Map.of(a.status(), 1L), Map.of(),
                    List.of(a), a.broken() ? List.of(a) : List.of(), a.broken() ? 1 : 0, List.of(), 0);
        }
        Report report = fuzzer.run();
        System.out.print(report.summary());
        System.out.print(report.failuresByCause(id -> null));
        System.out.print(report.failuresByOperation(id -> null));
        return report;
    }
}
