package cn.zhibu.fuzz;

import cn.zhibu.life.MeetingFixture;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.life.RecordService;
import cn.zhibu.life.RecordFiles;
import cn.zhibu.life.RecordForm;

import cn.zhibu.admission.AdmissionCase;
import cn.zhibu.admission.AdmissionDocuments;
import cn.zhibu.admission.AdmissionService;
import cn.zhibu.admission.ApplicationForm;
import cn.zhibu.member.Education;
import cn.zhibu.member.FloatingService;
import cn.zhibu.member.InflowForm;
import cn.zhibu.member.MembershipService;
import cn.zhibu.member.Occupation;
import cn.zhibu.member.OutflowForm;
import cn.zhibu.member.StatusChange;
import cn.zhibu.member.StatusChangeKind;
import cn.zhibu.member.TransferRequest;
import cn.zhibu.member.TransferService;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.publishing.PublicityDraft;
import cn.zhibu.publishing.PublicityService;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof of "no 5xx, no leak": {@link ApiFuzzer} drives every operation of the OpenAPI document with bad and edge
 * input — 20,000 requests, as the secretary of one demo branch, as a member, and as the administrator — and the run
 * fails on any 5xx, any answer slower than 2 s, and any change to data outside the caller's scope
 * ({@link OutsideScopeFingerprint}, taken before and after).
 *
 * <p>Every kind of record exists in the caller's branch and in another branch before the run, so the fuzzer's ids
 * reach both. The run has its own application context and database: it changes the demo data as it goes.
 * {@code -Dfuzz.seed=…} repeats a run, {@code -Dfuzz.requests=…} changes its length.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "zhibu.test.own-context=api-fuzz",
        // the fuzzer sends thousands of wrong logins from one address on purpose, and each caller must still log in
        // (the throttle itself is tested in SecurityIntegrationTest)
        "zhibu.security.login.address-failures=100000000",
        "zhibu.security.login.account-failures=100000000",
        // thousands of refused requests: their causes are in the report (ServerErrorRecorder), not one stack trace each
        "logging.level.org.apache.catalina.core=OFF",
        "logging.level.org.springframework.web.servlet.mvc=ERROR"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIntegrationTest {

    private static final String PASSWORD = "Zhibu@2026";
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final long REQUESTS = Long.getLong("fuzz.requests", 20_000L);
    /** A hard stop, far above the ~2 minutes the run takes here, so a slow machine fails rather than hangs. */
    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 420L));
    private static final Duration SLOW = Duration.ofSeconds(2);
    private static final int THREADS = 4;

    @LocalServerPort int port;
    @Autowired DataSource dataSource;
    @Autowired JdbcClient jdbc;
    @Autowired TestData data;
    @Autowired OrganizationService organizations;
    @Autowired PublicityService publicity;
    @Autowired FloatingService floating;
    @Autowired MembershipService membership;
    @Autowired TransferService transfers;
    @Autowired AdmissionService admission;
    @Autowired AdmissionDocuments documents;
    @Autowired ServerErrorRecorder serverErrors;
    @Autowired MeetingFixture meetings;
    @Autowired RecordService records;
    @Autowired RecordFiles recordFiles;

    /** The exception behind each 5xx, reported with the failure. */
    @TestConfiguration
    static class RecordServerErrors {
        @Bean
        ServerErrorRecorder serverErrorRecorder() {
            return new ServerErrorRecorder();
        }

        @Bean
        FilterRegistrationBean<ServerErrorRecorder> serverErrorRecorderRegistration(ServerErrorRecorder recorder) {
            FilterRegistrationBean<ServerErrorRecorder> registration = new FilterRegistrationBean<>(recorder);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    /** Every kind of record in the secretary's branch, in another branch, and a 公示 of the committee above. */
    @BeforeAll
    void recordsOfEveryKindOnBothSides() {
        long own = branchOf("shuji");
        long other = branchOf("shuji2");
        long third = jdbc.sql("select id from organization where type = 'BRANCH' and id not in (?, ?) order by id limit 1")
                .params(own, other).query(Long.class).single();
        long ownCommittee = jdbc.sql("select parent_id from organization where id = ?").param(own).query(Long.class).single();
        LocalDate today = LocalDate.now();
        publicity.publish(SYSTEM, new PublicityDraft(ownCommittee, "上级党委公示", "公示内容", today, 5, null, null));
        for (long branch : List.of(own, other)) {
            List<Long> members = jdbc.sql("select id from member where org_id = ? order by id limit 6").param(branch)
                    .query(Long.class).list();
            publicity.publish(SYSTEM, new PublicityDraft(branch, "支部公示", "公示内容", today, 5, null, null));
            floating.registerOutflow(SYSTEM, members.get(0), new OutflowForm("广东省深圳市", "务工经商",
                    today.minusMonths(1), true, "13800138000", null));
            floating.registerInflow(SYSTEM, branch, new InflowForm("流入党员", "外省某党支部", today.minusMonths(1),
                    "13900139000", null));
            membership.change(SYSTEM, members.get(1), new StatusChange(StatusChangeKind.DECEASE, today, "病故", null, null));
            transfers.start(SYSTEM, members.get(2), new TransferRequest(third, "工作调动"));
            organizations.addSeat(SYSTEM, branch, CommitteePosition.MEMBER, members.get(3), null);
            AdmissionCase c = admission.apply(SYSTEM, new ApplicationForm(branch, branch == own ? "赵申请" : "钱申请",
                    TestData.idNumber(LocalDate.of(2000, 5, 4), true), "汉族", Education.BACHELOR, Occupation.WORKER,
                    "某单位", "13700137000", today.minusMonths(2)));
            documents.attach(SYSTEM, c.id(), null, "入党申请书.pdf",
                    "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
            meetingUnderWay(branch);
            long meeting = meetings.heldDaysAgo(organizations.describe(branch), "支部党员大会", 1,
                    MeetingKind.GENERAL_ASSEMBLY);
            meetings.invite(meeting, members.get(4), "参会党员", true);
            records.save(SYSTEM, meeting, new RecordForm("<p>会议记录</p>", List.of("决议"), "主持人", "记录人",
                    List.of(members.get(4)), null));
            recordFiles.attach(SYSTEM, meeting, "签到表.pdf",
                    "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), null);
        }
    }

    @Test
    void twenty_thousand_bad_and_edge_requests_answer_without_5xx_within_2s_and_change_nothing_outside_the_callers_scope() {
        List<String> problems = new ArrayList<>();
        long sent = 0;
        long started = System.nanoTime();
        sent += phase("shuji", REQUESTS * 6 / 10, List.of(branchOf("shuji")), 1, started, problems);
        sent += phase("dangyuan", REQUESTS * 2 / 10, List.of(), 2, started, problems);
        sent += phase("admin", REQUESTS - REQUESTS * 6 / 10 - REQUESTS * 2 / 10, null, 3, started, problems);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("fuzz: %,d requests in %.1f s (%.0f/s), seed %d%n", sent, seconds, sent / seconds, SEED);
        assertThat(problems).as("fuzz failures (seed %d)", SEED).isEmpty();
        assertThat(sent).as("requests sent within %s", BUDGET).isEqualTo(REQUESTS);
    }

    /**
     * One caller's share of the run. {@code scopeRoots} are the organizations whose subtrees the caller may change
     * (empty: none; null: everything, so there is no outside to watch).
     */
    private long phase(String username, long requests, List<Long> scopeRoots, int phase, long started,
                       List<String> problems) {
        Duration left = BUDGET.minusNanos(System.nanoTime() - started);
        ApiFuzzer fuzzer = ApiFuzzer.prepare(new ApiFuzzer.Settings("http://localhost:" + port, username, PASSWORD,
                "admin", PASSWORD, requests, left.isNegative() ? Duration.ofMillis(1) : left, THREADS, SEED + phase, SLOW));
        OutsideScopeFingerprint fingerprint = scopeRoots == null ? null : OutsideScopeFingerprint.of(dataSource, scopeRoots);
        Map<String, Map<String, String>> before = fingerprint == null ? null : fingerprint.take();
        FuzzReport report = fuzzer.run();
        System.out.println("== " + username + " (seed " + (SEED + phase) + ") ==");
        System.out.print(report.summary());
        System.out.println("by operation:");
        report.byOperation().forEach((op, byStatus) -> System.out.println("  " + op + " " + byStatus));
        if (report.failureCount() > 0) {
            String causes = report.failuresByCause(serverErrors::cause);
            System.out.print("failures by cause:\n" + causes);
            System.out.print("failures by operation:\n" + report.failuresByOperation(serverErrors::cause));
            problems.add(username + ": " + report.failureCount() + " failures, by cause:\n" + causes);
        }
        if (fingerprint != null) {
            List<String> changed = fingerprint.differences(before, fingerprint.take());
            System.out.printf("outside %s's scope: %,d rows watched, %d tables changed%n", username,
                    OutsideScopeFingerprint.rowCount(before), changed.size());
            changed.forEach(c -> problems.add(username + " changed data outside its scope: " + c));
        }
        return report.sent();
    }

    /** A meeting of the branch under way, its first members invited (check-in scans, by hand, 补课, the roll). */
    private void meetingUnderWay(long branch) {
        long meeting = jdbc.sql("""
                        insert into life_meeting (org_id, org_path, root_id, title, starts_at, ends_at, held_on, created_by)
                        select id, path, root_id, '主题党日', now() - interval '10 minutes', now() + interval '2 hours',
                               current_date, '测试'
                        from organization where id = ? returning id""").param(branch).query(Long.class).single();
        jdbc.sql("""
                        insert into life_invitee (meeting_id, member_id, member_name, voting)
                        select ?, id, name, status = 'FULL' from member where org_id = ? order by id limit 8""")
                .params(meeting, branch).update();
    }

    private long branchOf(String username) {
        return jdbc.sql("select r.org_id from user_role r join app_user u on u.id = r.user_id where u.username = ? "
                + "and r.org_id is not null order by r.org_id limit 1").param(username).query(Long.class).single();
    }
}
