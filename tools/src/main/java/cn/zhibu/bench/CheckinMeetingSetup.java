package cn.zhibu.bench;


import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What the check-in burst needs, and its removal afterwards: a meeting under way (started five minutes ago) of the
 * smallest sampled subtree that holds enough members, those members invited, and an account of their own for each
 * (党员 role, one random password), logged in through the API. The meeting and the accounts are written by JDBC — the
 * accounts share one Argon2id hash made here, so the data set does not hash a thousand passwords — and the members the
 * data set lacks (the demo has about 800) are created, and later deleted, through the API. Leftovers of a killed run
 * are removed first (usernames {@value #USER_PREFIX}…, meetings created by {@value #CREATED_BY}).
 */
final class CheckinMeetingSetup implements AutoCloseable {

    static final String USER_PREFIX = "bench-checkin-";
    static final String CREATED_BY = "zhibu-bench";
    private static final String TITLE = "基准测试：千人签到";
    private static final int LOGIN_THREADS = 8;

    private final ApiClient api;
    private final Db db;
    private final DatasetSampler sampler;
    private final List<String> notes;
    private final List<Long> createdMembers = new ArrayList<>();
    private long meetingId;

    CheckinMeetingSetup(ApiClient api, Db db, DatasetSampler sampler, List<String> notes) {
        this.api = api;
        this.db = db;
        this.sampler = sampler;
        this.notes = notes;
    }

    /** The invitees, logged in, and the meeting they are invited to. */
    record Prepared(long meetingId, SampleOrg org, List<ApiClient> members) {
    }

    Prepared prepare(int invitees) {
        removeLeftovers();
        SampleOrg org = subtree(invitees);
        List<Long> members = new ArrayList<>(db.query(
                "select id from member where org_path >= ? and org_path < ? order by id limit ?",
                rs -> rs.getLong(1), org.path(), org.pathUpperBound(), invitees));
        if (members.size() < invitees) {
            members.addAll(createMembers(org, invitees - members.size()));
            notes.add("checkin: the data set has " + (invitees - createdMembers.size()) + " members in scope; "
                    + createdMembers.size() + " more were created through the API for the burst and deleted after it");
        }
        meetingId = insertMeeting(org);
        db.query("""
                        insert into life_invitee (meeting_id, member_id, member_name, voting)
                        select ?, id, name, status = 'FULL' from member where id = any(?) returning 1""",
                rs -> 1, meetingId, members.toArray(Long[]::new));
        MemberAccounts created = MemberAccounts.create(db, USER_PREFIX, members);
        return new Prepared(meetingId, org, logIn(created.usernames(), created.password()));
    }

    /** The smallest sampled subtree with enough members, else the root with all it has. */
    private SampleOrg subtree(int invitees) {
        for (Level level : List.of(Level.BASE_COMMITTEE, Level.COUNTY, Level.CITY, Level.ROOT)) {
            List<SampleOrg> large = sampler.sampleLarge(level, invitees, 1);
            if (!large.isEmpty()) {
                return large.get(0);
            }
        }
        List<SampleOrg> root = sampler.sampleLarge(Level.ROOT, 0, 1);
        if (root.isEmpty()) {
            throw new BenchException("checkin: no organization in the benchmark user's scope");
        }
        return root.get(0);
    }

    private long insertMeeting(SampleOrg org) {
        OffsetDateTime start = OffsetDateTime.now().minus(Duration.ofMinutes(5)).withNano(0);
        return db.queryLong("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, place, created_by)
                        select id, path, root_id, ?, ?, ?, ?, '基准测试会场', ? from organization where id = ?
                        returning id""",
                TITLE, start, start.plusHours(2), LocalDate.now(ZoneId.systemDefault()), CREATED_BY, org.id());
    }

    private List<Long> createMembers(SampleOrg org, int count) {
        long branch = db.queryLong("""
                        select id from organization where type = 'BRANCH' and status = 'ACTIVE' and path >= ? and path < ?
                        order by path limit 1""", org.path(), org.pathUpperBound());
        if (branch == 0) {
            throw new BenchException("checkin: no branch in " + org.path() + " to create members in");
        }
        MemberDrafts drafts = new MemberDrafts(1, new Random());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ApiResponse r = api.post("/api/v1/members", drafts.draft(0, i, branch).probationary().form());
            if (!r.ok()) {
                throw new BenchException("checkin: creating a member for the burst failed: " + r.describe());
            }
            long id = r.json().path("id").asLong();
            ids.add(id);
            createdMembers.add(id);
        }
        return ids;
    }

    /** Each invitee logs in through the API, a few at a time (untimed: the app hashes each password check). */
    private List<ApiClient> logIn(List<String> usernames, String password) {
        ExecutorService pool = Threads.pool("bench-login", LOGIN_THREADS);
        try {
            List<Future<ApiClient>> logins = new ArrayList<>();
            usernames.forEach(u -> logins.add(pool.submit(() -> api.as(u, password))));
            List<ApiClient> clients = new ArrayList<>();
            for (Future<ApiClient> login : logins) {
                clients.add(Threads.await(login, "checkin: a member's login"));
            }
            return clients;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Removes the meeting (its invitees with it), the accounts (their roles and tokens with them) and the members made. */
    @Override
    public void close() {
        removeLeftovers();
        int failed = 0;
        for (long id : createdMembers) {
            if (!api.delete("/api/v1/members/" + id).ok()) {
                failed++;
            }
        }
        if (failed > 0) {
            notes.add("checkin: " + failed + " of the " + createdMembers.size() + " members created could not be deleted");
        }
    }

    private void removeLeftovers() {
        db.execute("delete from app_user where username like '" + USER_PREFIX + "%'");
        db.query("delete from life_meeting where created_by = ? and title = ? returning 1", rs -> 1, CREATED_BY, TITLE);
    }
}
