package cn.zhibu.life.checkin;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.BrowserSession;
import cn.zhibu.support.TestData;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A committee with one branch, its secretary, and members with accounts of their own, for the check-in tests; meetings
 * are placed in time relative to now.
 */
final class CheckinWorld {

    static final String PASSWORD = "Checkin@Test2026";

    final String suffix = Long.toString(System.nanoTime() % 1_000_000);
    final Organization committee;
    final Organization branch;
    final List<Member> members = new ArrayList<>();
    private final MeetingFixture fixture;
    private final int port;
    private final Map<String, ApiClient> clients = new HashMap<>();

    CheckinWorld(TestData data, UserAccounts accounts, MeetingFixture fixture, int port, String name, int memberCount) {
        this.fixture = fixture;
        this.port = port;
        committee = data.committee(name + "党委" + suffix);
        branch = data.org(committee.id(), name + "支部", OrganizationType.BRANCH);
        accounts.create("sec" + suffix, PASSWORD, name + "书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        for (int i = 0; i < memberCount; i++) {
            Member m = data.member(branch.id(), name + "党员" + chinese(i), MemberStatus.FULL);
            members.add(m);
            accounts.create("m" + i + "u" + suffix, PASSWORD, m.name(), m.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        }
    }

    /** A number in Chinese digits (member names take no Arabic digits): 12 → 一二. */
    static String chinese(int n) {
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            out.append("零一二三四五六七八九".charAt(c - '0'));
        }
        return out.toString();
    }

    Member member(int i) {
        return members.get(i);
    }

    ApiClient secretary() {
        return api("sec" + suffix);
    }

    ApiClient memberApi(int i) {
        return api("m" + i + "u" + suffix);
    }

    BrowserSession memberPages(int i) {
        return BrowserSession.loggedIn(port, "m" + i + "u" + suffix, PASSWORD);
    }

    BrowserSession secretaryPages() {
        return BrowserSession.loggedIn(port, "sec" + suffix, PASSWORD);
    }

    private ApiClient api(String user) {
        return clients.computeIfAbsent(user, u -> ApiClient.loggedIn(port, u, PASSWORD));
    }

    /** A meeting of the branch starting {@code startsIn} from now (negative: already started), inviting members 0…n-1. */
    long meeting(String title, Duration startsIn, Duration length, int invited) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(startsIn);
        return fixture.meeting(branch, title, start, length, members.subList(0, invited));
    }

    /** A meeting under way: started 10 minutes ago, ending in 50. */
    long meetingUnderWay(String title, int invited) {
        return meeting(title, Duration.ofMinutes(-10), Duration.ofHours(1), invited);
    }

    /** The code the room screen shows now, as its manager's API gives it. */
    String screenCode(long meetingId, CheckinPurpose purpose) {
        ApiClient.Response r = secretary().get("/api/v1/life/meetings/" + meetingId + "/checkin-code?purpose=" + purpose);
        if (r.status() != 200) {
            throw new IllegalStateException(r.body());
        }
        return r.json().get("code").asString();
    }

    ApiClient.Response scan(int member, long meetingId, CheckinPurpose purpose, String code) {
        return memberApi(member).post("/api/v1/life/meetings/" + meetingId + "/" + purpose.path(), Map.of("code", code));
    }

    /** Waits, near the end of a 30-second window, for the next one: codes computed by the test then stay what they were. */
    static void awayFromTheTurn() {
        long second = Instant.now().getEpochSecond() % 30;
        if (second >= 26) {
            try {
                Thread.sleep((30 - second) * 1000 + 200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
