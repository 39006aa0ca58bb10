package cn.zhibu.learning;

import cn.zhibu.identity.Role;
import cn.zhibu.identity.RoleGrant;
import cn.zhibu.identity.UserAccounts;
import cn.zhibu.learning.classes.ClassDraft;
import cn.zhibu.learning.classes.ClassService;
import cn.zhibu.learning.classes.ClassSession;
import cn.zhibu.learning.classes.Enrolment;
import cn.zhibu.learning.classes.SessionDraft;
import cn.zhibu.learning.classes.TrainingClass;
import cn.zhibu.learning.points.PointsAction;
import cn.zhibu.learning.points.PointsService;
import cn.zhibu.learning.points.PointsYear;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.PlatformClock;
import cn.zhibu.support.ApiClient;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.StudyCreditRows;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 培训班 end to end (RULES.md T2): 7 half-day sessions (28 学时); attendance by hand and by scan; completion at
 * exactly 1/7 missed and not a minute more; 学时 credited (CLASS, concentrated when completed) and re-credited when
 * attendance is corrected; class points granted on completion and reversed when it is taken back.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassIntegrationTest {

    private static final String PASSWORD = "Classes@Zhibu2026";

    @Autowired TestData data;
    @Autowired UserAccounts accounts;
    @Autowired ClassService classes;
    @Autowired PointsService points;
    @Autowired StudyCreditRows hours;
    @LocalServerPort int port;

    String suffix;
    Organization branch;
    Member a;
    Member b;
    Member c;
    TrainingClass course;
    List<ClassSession> sessions = new ArrayList<>();
    LocalDate today;

    @BeforeAll
    void world() {
        suffix = Long.toString(System.nanoTime() % 1_000_000);
        today = LocalDate.now(PlatformClock.ZONE);
        Organization committee = data.committee("培训班测试党委" + suffix);
        branch = data.org(committee.id(), "培训班测试支部", OrganizationType.BRANCH);
        a = data.member(branch.id(), "培训学员甲", MemberStatus.FULL);
        b = data.member(branch.id(), "培训学员乙", MemberStatus.FULL);
        c = data.member(branch.id(), "培训学员丙", MemberStatus.PROBATIONARY);
        accounts.create("csec" + suffix, PASSWORD, "培训班书记", null, List.of(new RoleGrant(Role.SECRETARY, branch.id())));
        accounts.create("cself" + suffix, PASSWORD, "培训学员丙", c.id(), List.of(new RoleGrant(Role.MEMBER, null)));
        course = classes.open(SYSTEM, new ClassDraft(branch.id(), "党支部书记培训班", "党校201", today.minusDays(10),
                today, true));
        for (int i = 0; i < 7; i++) {
            LocalDate day = today.minusDays(9 - i);
            sessions.add(classes.addSession(SYSTEM, course.id(), new SessionDraft("第" + (i + 1) + "讲",
                    day.atTime(9, 0), day.atTime(13, 0), null, null)));
        }
        classes.enrol(SYSTEM, course.id(), List.of(a.id(), b.id(), c.id()));
    }

    private void attend(Member m, ClassSession s, LocalDateTime in, LocalDateTime out) {
        classes.byHand(SYSTEM, s.id(), m.id(), in, out, "纸质签到表补录");
    }

    private static LocalDateTime local(ClassSession s, int minutesAfterStart) {
        return ZonedDateTime.ofInstant(s.startsAt(), PlatformClock.ZONE).toLocalDateTime().plusMinutes(minutesAfterStart);
    }

    private Enrolment enrolment(Member m) {
        return classes.enrolments(SYSTEM, course.id()).stream().filter(e -> e.memberId() == m.id()).findFirst()
                .orElseThrow();
    }

    @Test
    void T2_counting_practice_gives_a_half_day_session_4_hours_and_the_class_28() {
        assertThat(sessions).allSatisfy(s -> assertThat(s.hours()).isEqualByComparingTo("4"));
        assertThat(classes.get(SYSTEM, course.id()).totalHours()).isEqualByComparingTo("28");
    }

    @Test
    void T2_four_of_28_hours_missed_completes_a_minute_more_does_not_and_a_correction_recredits() {
        for (int i = 0; i < 6; i++) {
            attend(a, sessions.get(i), local(sessions.get(i), -5), local(sessions.get(i), 245));
            int outAt = i == 5 ? 239 : 240; // B leaves the sixth session one minute early
            attend(b, sessions.get(i), local(sessions.get(i), 0), local(sessions.get(i), outAt));
        }
        assertThat(enrolment(a).completed()).isTrue();
        assertThat(enrolment(a).attendedHours()).isEqualByComparingTo("24");
        StudyCredit creditA = hours.credited(a.id(), StudySource.CLASS, course.id()).orElseThrow();
        assertThat(creditA.hours()).isEqualByComparingTo("28");
        assertThat(creditA.concentrated()).isTrue();
        assertThat(creditA.label()).isEqualTo("党支部书记培训班");

        assertThat(enrolment(b).completed()).isFalse();
        StudyCredit creditB = hours.credited(b.id(), StudySource.CLASS, course.id()).orElseThrow();
        assertThat(creditB.hours()).isEqualByComparingTo("23.98");
        assertThat(creditB.concentrated()).isFalse();

        // class points: A earned them, B not
        PointsYear pointsA = points.of(SYSTEM, a.id(), today.getYear());
        assertThat(pointsA.entries()).anySatisfy(e -> {
            assertThat(e.sourceKind()).isEqualTo(PointsAction.CLASS_COMPLETED.name());
            assertThat(e.points()).isEqualTo(5);
        });
        assertThat(points.of(SYSTEM, b.id(), today.getYear()).task()).isZero();

        // B's check-out corrected: completed, re-credited with the class's hours, and points granted
        attend(b, sessions.get(5), local(sessions.get(5), 0), local(sessions.get(5), 240));
        assertThat(enrolment(b).completed()).isTrue();
        assertThat(hours.credited(b.id(), StudySource.CLASS, course.id()).orElseThrow().hours()).isEqualByComparingTo("28");
        assertThat(points.of(SYSTEM, b.id(), today.getYear()).task()).isEqualTo(5);

        // A's first session cleared (no check-in, no check-out): 20 of 28, not completed, points reversed
        attend(a, sessions.get(0), null, null);
        assertThat(enrolment(a).completed()).isFalse();
        StudyCredit after = hours.credited(a.id(), StudySource.CLASS, course.id()).orElseThrow();
        assertThat(after.hours()).isEqualByComparingTo("20");
        assertThat(after.concentrated()).isFalse();
        PointsYear reversed = points.of(SYSTEM, a.id(), today.getYear());
        assertThat(reversed.task()).isZero();
        assertThat(reversed.entries()).hasSize(2);
        assertThat(reversed.entries().get(0).reverses()).isEqualTo(reversed.entries().get(1).id());
    }

    @Test
    void T2_a_check_in_without_check_out_counts_nothing_and_by_hand_needs_a_reason_and_a_time_in_the_window() {
        ClassSession s = sessions.get(6);
        attend(c, s, local(s, 0), null);
        assertThat(enrolment(c).attendedHours()).isZero();
        ApiClient sec = ApiClient.loggedIn(port, "csec" + suffix, PASSWORD);
        ApiClient.Response noReason = sec.post("/api/v1/learning/classes/sessions/" + s.id() + "/attendance",
                Map.of("memberId", c.id(), "checkedInAt", local(s, 0).toString(), "checkedOutAt", local(s, 60).toString()));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errors()).containsKey("reason");
        ApiClient.Response outOfWindow = sec.post("/api/v1/learning/classes/sessions/" + s.id() + "/attendance",
                Map.of("memberId", c.id(), "checkedInAt", local(s, 0).toString(), "checkedOutAt",
                        local(s, 240 + 61).toString(), "reason", "补录"));
        assertThat(outOfWindow.status()).isEqualTo(400);
        assertThat(outOfWindow.errors()).containsKey("checkedOutAt");
        ApiClient.Response ok = sec.post("/api/v1/learning/classes/sessions/" + s.id() + "/attendance",
                Map.of("memberId", c.id(), "checkedInAt", local(s, 0).toString(), "checkedOutAt",
                        local(s, 120).toString(), "reason", "中途离场，按签退时间计"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("checkedOutBy").asString()).isEqualTo("培训班书记");
        assertThat(enrolment(c).attendedHours()).isEqualByComparingTo("2");
        assertThat(hours.credited(c.id(), StudySource.CLASS, course.id()).orElseThrow().hours())
                .isEqualByComparingTo("2");
    }

    @Test
    void a_member_checks_in_and_out_by_scanning_the_session_code_and_a_forged_or_other_code_is_refused() {
        ZonedDateTime now = ZonedDateTime.now(PlatformClock.ZONE);
        TrainingClass live = classes.open(SYSTEM, new ClassDraft(branch.id(), "现场培训", null, now.toLocalDate(),
                now.toLocalDate(), false));
        LocalDateTime start = now.toLocalDateTime().minusMinutes(10);
        if (!start.toLocalDate().equals(now.toLocalDate())) {
            start = now.toLocalDate().atTime(LocalTime.MIDNIGHT);
        }
        ClassSession s = classes.addSession(SYSTEM, live.id(), new SessionDraft("现场课", start, start.plusHours(1),
                null, null));
        ClassSession other = classes.addSession(SYSTEM, live.id(), new SessionDraft("另一课", start, start.plusHours(1),
                new BigDecimal("1"), null));
        classes.enrol(SYSTEM, live.id(), List.of(c.id()));
        ApiClient sec = ApiClient.loggedIn(port, "csec" + suffix, PASSWORD);
        ApiClient self = ApiClient.loggedIn(port, "cself" + suffix, PASSWORD);
        String scan = "/api/v1/learning/classes/sessions/" + s.id() + "/scan";

        String otherCode = sec.get("/api/v1/learning/classes/sessions/" + other.id() + "/code?purpose=IN").json()
                .get("code").asString();
        assertThat(self.post(scan, Map.of("purpose", "IN", "code", otherCode)).errors()).containsKey("code");
        assertThat(self.post(scan, Map.of("purpose", "IN", "code", s.id() + ".I.1.AAAAAAAAAAAAAAAA")).status())
                .isEqualTo(400);
        String outCode = sec.get("/api/v1/learning/classes/sessions/" + s.id() + "/code?purpose=OUT").json()
                .get("code").asString();
        assertThat(self.post(scan, Map.of("purpose", "IN", "code", outCode)).status()).isEqualTo(400);
        assertThat(self.post(scan, Map.of("purpose", "OUT", "code", outCode)).status()).isEqualTo(400); // not in yet

        String inCode = sec.get("/api/v1/learning/classes/sessions/" + s.id() + "/code?purpose=IN").json()
                .get("code").asString();
        ApiClient.Response in = self.post(scan, Map.of("purpose", "IN", "code", inCode));
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        assertThat(in.json().get("stateLabel").asString()).isEqualTo("已签到，未签退");
        ApiClient.Response out = self.post(scan, Map.of("purpose", "OUT", "code", outCode));
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        assertThat(out.json().get("stateLabel").asString()).isEqualTo("已签退");
        assertThat(self.get("/api/v1/learning/classes/mine").json().findValuesAsString("title")).contains("现场培训");
        // the secretary's sheet shows the scan (no one "by hand")
        assertThat(sec.get("/api/v1/learning/classes/sessions/" + s.id() + "/attendance").json().get("rows").get(0)
                .has("checkedInBy")).isFalse();
    }
}
