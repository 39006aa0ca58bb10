package cn.zhibu.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Command-line options of {@code bench}; {@code --quick} only lowers the defaults, explicit values still win. */
record BenchOptions(URI url, String user, String password, String jdbcUrl, String dbUser, String dbPassword,
                    int samples, int mixedUris, int mixedSeconds, int concurrency, int writers, int writeSeconds,
                    int warmupSeconds, int warmupPasses,
                    Path out, boolean skipWrites, boolean skipMove, boolean roster, boolean skipExport, boolean quick, long seed,
                    boolean skipCheckin, int checkinSeconds, boolean skipStudy, boolean onlyStudy,
                    int studySeconds, boolean onlyWrites, boolean onlyMove, Client client) {

    /** The load generator's HTTP client ({@code --client}). */
    enum Client {
        POOLED, JDK;

        /** As {@code --client} names it and the results' meta records it. */
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Organizations sampled per level, and requests per single read. A p95 is read off the slowest few: among 50
     * requests it is the 3rd slowest, so two or three requests delayed at random (a few ms on two shared cores) decide
     * it — one build's branch dashboard gave 1.1 ms in one run and 5.3 in the next. Among 200 it is the 11th.
     */
    static final int DEFAULT_SAMPLES = 200;

    static final String USAGE = """
            usage: java -jar target/zhibu.jar bench [options]
              --url URL             the running app (http://localhost:8080)
              --user NAME           API user, an ORG_ADMIN at the root or ADMIN (sheng)
              --password PW         its password (Zhibu@2026)
              --jdbc URL            the app's database, for sampling and the naive baselines
                                    (jdbc:postgresql://localhost:54329/postgres)
              --db-user NAME        (postgres)
              --db-password PW      (postgres)
              --samples N           organizations per level and requests per read (200: a p95 among 200
                                    requests is the 11th slowest, among 50 the 3rd; quick: 5)
              --mixed-seconds N     duration of the mixed read workload (30; quick: 5)
              --mixed-uris N        requests of each read the mixed workload picks from: the first N of
                                    its samples (50, the mix of every run before --samples became 200)
              --concurrency N       clients of the mixed read workload (64)
              --writers N           concurrent writers (16)
              --write-seconds N     duration of the write workload (20; quick: 5)
              --warmup-seconds N    untimed requests before measuring: the mixed reads, the writers and
                                    the study heartbeats each run this long first (10; quick: 2)
              --warmup-passes N     then untimed passes over every read, one request at a time (2; quick: 0):
                                    a server that has run a while has compiled each view's own code, not
                                    only the code all requests share; the second pass gives the compiler
                                    the time the first one's work needs, which the reads timed first paid
              --seed N              makes the sample of organizations and members repeatable (42)
              --checkin-seconds N   the check-in burst: 1,000 invitees scan within this many seconds (60)
              --skip-checkin        no check-in burst
              --study-seconds N     study heartbeats: --concurrency members beat back to back this long (20; quick: 5)
              --skip-study          no study heartbeats
              --only-study          only the study heartbeats (e.g. against the demo app)
              --only-writes         only the write workload (an A/B of the write path without a whole run)
              --only-move           only the subtree move
              --out FILE            results (bench/results/latest.json); machine facts go next to it (-meta.json)
              --skip-writes         no write workload
              --skip-move           no subtree move
              --roster              also export a 花名册 of 1,000,000+ rows and import 100,000 members from .xlsx
                                    (the imported members stay: the data set grows by 100,000)
              --skip-export         with --roster: only the import
              --client NAME         the load generator's HTTP client: pooled (Apache HttpClient 5, blocking,
                                    the caller's thread does the exchange) or jdk (java.net.http, every run
                                    before issue 16's 15th session: more CPU per request on the cores the app shares)
              --quick               small samples and durations: a smoke run
            """;

    private static final Set<String> FLAGS = Set.of("skip-writes", "skip-move", "roster", "skip-export", "quick", "help",
            "skip-checkin", "skip-study", "only-study", "only-writes", "only-move");
    private static final Set<String> VALUED = Set.of("url", "user", "password", "jdbc", "db-user", "db-password",
            "samples", "mixed-uris", "mixed-seconds", "concurrency", "writers", "write-seconds", "warmup-seconds",
            "warmup-passes", "seed", "out",
            "checkin-seconds", "study-seconds", "client");

    /** The options, or null when only help was asked for. */
    static BenchOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                values.put(known(name.substring(0, eq), VALUED), name.substring(eq + 1));
            } else if (FLAGS.contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.length) {
                values.put(known(name, VALUED), args[++i]);
            } else {
                throw new IllegalArgumentException("missing value of --" + known(name, VALUED));
            }
        }
        if (flags.contains("help")) {
            return null;
        }
        boolean quick = flags.contains("quick");
        var v = new Values(values);
        return new BenchOptions(
                URI.create(v.text("url", "http://localhost:8080").replaceAll("/+$", "")),
                v.text("user", "sheng"), v.text("password", "Zhibu@2026"),
                v.text("jdbc", "jdbc:postgresql://localhost:54329/postgres"),
                v.text("db-user", "postgres"), v.text("db-password", "postgres"),
                v.positive("samples", quick ? 5 : DEFAULT_SAMPLES), v.positive("mixed-uris", 50),
                v.positive("mixed-seconds", quick ? 5 : 30),
                v.positive("concurrency", 64), v.positive("writers", 16), v.positive("write-seconds", quick ? 5 : 20),
                v.number("warmup-seconds", quick ? 2 : 10),
                v.atLeastZero("warmup-passes", quick ? 0 : 2), Path.of(v.text("out", "bench/results/latest.json")),
                flags.contains("skip-writes"), flags.contains("skip-move"), flags.contains("roster"),
                flags.contains("skip-export"), quick,
                v.number("seed", 42), flags.contains("skip-checkin"), v.positive("checkin-seconds", 60),
                flags.contains("skip-study"), flags.contains("only-study"), v.positive("study-seconds", quick ? 5 : 20),
                flags.contains("only-writes"), flags.contains("only-move"), v.client());
    }

    /** {@code --only-study}, {@code --only-writes} or {@code --only-move}: those phases, nothing else. */
    boolean onePhaseOnly() {
        return onlyStudy || onlyWrites || onlyMove;
    }

    /** Where the machine facts go: latest.json → latest-meta.json. */
    Path metaOut() {
        String name = out.getFileName().toString();
        String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return out.resolveSibling(base + "-meta.json");
    }

    private static String known(String name, Set<String> names) {
        if (!names.contains(name)) {
            throw new IllegalArgumentException("unknown option --" + name);
        }
        return name;
    }

    private record Values(Map<String, String> map) {

        String text(String name, String fallback) {
            return map.getOrDefault(name, fallback);
        }

        int number(String name, int fallback) {
            String value = map.get(name);
            try {
                return value == null ? fallback : Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " expects a whole number, not " + value);
            }
        }

        Client client() {
            String value = map.getOrDefault("client", Client.POOLED.label()).trim();
            for (Client client : Client.values()) {
                if (client.label().equals(value)) {
                    return client;
                }
            }
            throw new IllegalArgumentException("--client expects pooled or jdk, not " + value);
        }

        int atLeastZero(String name, int fallback) {
            int n = number(name, fallback);
            if (n < 0) {
                throw new IllegalArgumentException("--" + name + " must not be negative");
            }
            return n;
        }

        int positive(String name, int fallback) {
            int n = number(name, fallback);
            if (n < 1) {
                throw new IllegalArgumentException("--" + name + " must be at least 1");
            }
            return n;
        }
    }
}
