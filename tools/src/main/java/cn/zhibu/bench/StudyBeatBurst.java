package cn.zhibu.bench;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code study_beats_c<clients>}: accepted study heartbeats a second over HTTP (issue 15: ≥ 2,000 on this machine).
 * Setup, stated in the output: {@code clients} members of the registry in the user's scope (lowest ids) get an
 * account each (党员 role, one random password, one shared Argon2id hash written by JDBC) and log in through the API;
 * one published course to EVERYONE (an article of 100 学时, so nothing completes) is written by JDBC; each member
 * starts one session through the API (untimed). Then each client beats its own session back to back for
 * {@code --study-seconds}, each beat with the token the last answer gave, {@code visible: true}. A beat counts as
 * accepted when answered 200 (token and session checked, token replaced, the session, progress and — when it
 * credits — day rows written in one statement). Beats this fast come sooner than {@code earlySeconds}, so most credit
 * 0 s: the same statement, minus the day row's upsert; {@code credited_beats} says how many credited. Before the
 * timed beats the same clients beat untimed for {@code --warmup-seconds}, as the writers do: no earlier phase sends a
 * beat, and timed cold the beat's path was still being compiled (on the slower machine, against a freshly started app,
 * five runs back to back measured 281, 290, 577, 689 and 795 beats/s). Sessions, progress, day rows, the course and
 * the accounts are removed afterwards.
 */
final class StudyBeatBurst {

    static final String USER_PREFIX = "bench-study-";
    private static final String TITLE = "基准测试：学习计时";
    private static final String API = "/api/v1/learning/study/sessions";

    private final ApiClient api;
    private final Db db;
    private final BenchOptions options;
    private final List<String> notes;

    StudyBeatBurst(ApiClient api, Db db, BenchOptions options, List<String> notes) {
        this.api = api;
        this.db = db;
        this.options = options;
        this.notes = notes;
    }

    Optional<ResultRow> run(long datasetMembers) {
        removeLeftovers();
        try {
            int clients = options.concurrency();
            List<Long> members = db.query("select member_id from registry_member order by member_id limit ?",
                    rs -> rs.getLong(1), clients);
            if (members.size() < clients) {
                notes.add("study: only " + members.size() + " members for " + clients + " clients");
            }
            long course = insertCourse();
            List<ApiClient> logins = accounts(members);
            List<Session> sessions = new ArrayList<>();
            for (ApiClient member : logins) {
                ApiResponse r = member.post(API, Map.of("courseId", course, "device", "基准测试"));
                if (!r.ok()) {
                    throw new BenchException("study: starting a session failed: " + r.describe());
                }
                JsonNode started = r.json();
                sessions.add(new Session(member, started.path("sessionId").asLong(), Json.text(started, "token")));
            }
            LatencyStats warmUp = new LatencyStats();
            burst(sessions, warmUp, new LongAdder(), options.warmupSeconds());
            if (warmUp.errors() > 0) {
                notes.add("study: " + warmUp.errors() + " beats failed while warming up");
            }
            LatencyStats stats = new LatencyStats();
            LongAdder credited = new LongAdder();
            long elapsed = burst(sessions, stats, credited, options.studySeconds());
            stats.wallTime(elapsed);
            long creditedSeconds = db.queryLong("select coalesce(sum(credited_seconds), 0) from course_progress "
                    + "where course_id = ?", course);
            return Optional.of(ResultRow.of("study_beats_c" + sessions.size(), datasetMembers, stats)
                    .with("clients", sessions.size())
                    .with("seconds", options.studySeconds())
                    .with("accepted_beats", stats.successes())
                    .with("credited_beats", credited.sum())
                    .with("credited_seconds", creditedSeconds)
                    .with("warmup_seconds", options.warmupSeconds())
                    .with("warmup_beats", warmUp.successes())
                    .with("setup", "one session per member; accounts and course by JDBC; sessions started through "
                            + "the API; beats back to back, visible, after as many seconds of them untimed"));
        } finally {
            removeLeftovers();
        }
    }

    /** A member's session; {@code token} is the one its next beat presents (each answer gives the next). */
    private static final class Session {
        private final ApiClient client;
        private final long id;
        private volatile String token;

        Session(ApiClient client, long id, String token) {
            this.client = client;
            this.id = id;
            this.token = token;
        }
    }

    /** Every session beats back to back on its own thread for {@code seconds}; the wall time taken. */
    private long burst(List<Session> sessions, LatencyStats stats, LongAdder credited, long seconds) {
        if (seconds <= 0) {
            return 0;
        }
        ExecutorService pool = Threads.pool("bench-study", sessions.size());
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        try {
            long start = System.nanoTime();
            List<Future<?>> runs = new ArrayList<>();
            for (Session session : sessions) {
                runs.add(pool.submit(() -> {
                    String path = API + "/" + session.id + "/beats";
                    while (System.nanoTime() < deadline) {
                        ApiResponse r = session.client.post(path, Map.of("token", session.token, "visible", true,
                                "position", 0));
                        stats.record(r);
                        if (!r.ok()) {
                            return;
                        }
                        // parsed once: the load generator's CPU is taken from the app it measures
                        JsonNode answer = r.json();
                        session.token = Json.text(answer, "token");
                        if (answer.path("credited").asInt() > 0) {
                            credited.increment();
                        }
                    }
                }));
            }
            runs.forEach(r -> Threads.await(r, "study: a client"));
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private long insertCourse() {
        return db.queryLong("""
                        insert into course (org_id, org_path, root_id, title, kind, body_html, hours, credit_seconds,
                                            audience, status, published_at, created_by)
                        select id, path, root_id, ?, 'ARTICLE', '<p>基准测试</p>', 100, 360000, 'EVERYONE', 'PUBLISHED',
                               now(), ?
                        from organization where parent_id is null order by id limit 1 returning id""",
                TITLE, CheckinMeetingSetup.CREATED_BY);
    }

    private List<ApiClient> accounts(List<Long> members) {
        MemberAccounts created = MemberAccounts.create(db, USER_PREFIX, members);
        List<ApiClient> clients = new ArrayList<>();
        for (String user : created.usernames()) {
            clients.add(api.as(user, created.password()));
        }
        return clients;
    }

    /** The bench course's sessions, progress and the day rows its beats credited, the course, the accounts. */
    private void removeLeftovers() {
        List<Long> courses = db.query("select id from course where title = ? and created_by = ?", rs -> rs.getLong(1),
                TITLE, CheckinMeetingSetup.CREATED_BY);
        for (long course : courses) {
            db.query("""
                            with s as (delete from study_session where course_id = ? returning member_id, credited_seconds)
                            update study_day d set credited_seconds = greatest(0, d.credited_seconds - t.seconds)
                            from (select member_id, sum(credited_seconds) as seconds from s group by member_id) t
                            where d.member_id = t.member_id and d.day = current_date returning 1""",
                    rs -> 1, course);
            db.query("delete from course_progress where course_id = ? returning 1", rs -> 1, course);
            db.query("delete from course where id = ? returning 1", rs -> 1, course);
        }
        db.execute("delete from app_user where username like '" + USER_PREFIX + "%'");
    }
}
