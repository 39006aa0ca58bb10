package cn.zhibu.learning.hours;

import cn.zhibu.learning.StudyCredit;
import cn.zhibu.learning.StudyHours;
import cn.zhibu.learning.StudyMetrics;
import cn.zhibu.learning.StudySource;
import cn.zhibu.life.AttendanceListener;
import cn.zhibu.life.MeetingAttendance;
import cn.zhibu.life.MeetingKind;
import cn.zhibu.member.Member;
import cn.zhibu.member.MemberStatus;
import cn.zhibu.organization.CommitteePosition;
import cn.zhibu.organization.Organization;
import cn.zhibu.organization.OrganizationService;
import cn.zhibu.organization.OrganizationType;
import cn.zhibu.platform.MonthlyRollup;
import cn.zhibu.support.IntegrationTest;
import cn.zhibu.support.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import static cn.zhibu.support.TestData.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one writer of 学时 (RULES.md T1, T2): a credit replaces its source's row, a withdrawal takes it back, the year
 * is judged against its target at the edges, a seat changes the target in its own transaction, and the roll-up at
 * every ancestor follows exactly; meetings credit 党课 or 组织生活 from check-in to check-out.
 */
@IntegrationTest
class StudyHoursIntegrationTest {

    private static final int LAST_YEAR = LocalDate.now().getYear() - 1;

    @Autowired TestData data;
    @Autowired StudyHours hours;
    @Autowired MemberHours memberHours;
    @Autowired OrganizationService organizations;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;
    @Autowired List<AttendanceListener> attendanceListeners;

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000);

    private record World(Organization committee, Organization branch, Member member) {
    }

    private World world(String name) {
        Organization committee = data.committee("学时" + name + "党委" + suffix + System.nanoTime() % 1000);
        Organization branch = data.org(committee.id(), "学时" + name + "支部", OrganizationType.BRANCH);
        return new World(committee, branch, data.member(branch.id(), name, MemberStatus.FULL));
    }

    private void credit(long memberId, StudySource source, long sourceId, String hoursText, LocalDate on,
                        boolean concentrated) {
        tx.executeWithoutResult(s -> hours.credit(new StudyCredit(memberId, source, sourceId, "课程" + sourceId,
                new BigDecimal(hoursText), on, concentrated)));
    }

    private record YearRow(BigDecimal hours, BigDecimal target, int concentrated, int needed, boolean met) {
    }

    private YearRow year(long memberId, int year) {
        return jdbc.sql("select hours, target_hours, concentrated, concentrated_needed, met from study_year"
                        + " where member_id = ? and year = ?").params(memberId, year)
                .query((rs, i) -> new YearRow(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3), rs.getInt(4),
                        rs.getBoolean(5))).single();
    }

    private long rollup(long orgId, String metric, int year) {
        return new MonthlyRollup(jdbc, "study_rollup").read(List.of(orgId), List.of(metric), YearMonth.of(year, 1),
                YearMonth.of(year, 1)).stream().mapToLong(MonthlyRollup.Row::n).sum();
    }

    private void seat(long memberId, long orgId, String from, String to) {
        jdbc.sql("insert into committee_seat_held (seat_id, member_id, org_id, position, held_from, held_to)"
                        + " values (nextval('committee_seat_seq'), ?, ?, 'MEMBER', ?, ?)")
                .params(memberId, orgId, LocalDate.parse(from), to == null ? null : LocalDate.parse(to)).update();
    }

    @Test
    void T1_31_99_hours_is_not_met_and_32_00_is() {
        World w = world("甲");
        LocalDate day = LocalDate.of(LAST_YEAR, 5, 1);
        credit(w.member().id(), StudySource.COURSE, 1, "20.00", day, false);
        credit(w.member().id(), StudySource.EXTERNAL, 2, "11.99", day, false);
        assertThat(year(w.member().id(), LAST_YEAR)).isEqualTo(
                new YearRow(new BigDecimal("31.99"), new BigDecimal("32.0"), 0, 0, false));
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, LAST_YEAR)).isZero();

        credit(w.member().id(), StudySource.EXTERNAL, 2, "12.00", day, false); // replaces, never adds
        assertThat(year(w.member().id(), LAST_YEAR).met()).isTrue();
        assertThat(year(w.member().id(), LAST_YEAR).hours()).isEqualByComparingTo("32.00");
        for (long org : List.of(w.committee().id(), w.branch().id())) {
            assertThat(rollup(org, StudyMetrics.HOURS_CENTI, LAST_YEAR)).isEqualTo(3200);
            assertThat(rollup(org, StudyMetrics.MEMBERS_STUDIED, LAST_YEAR)).isEqualTo(1);
            assertThat(rollup(org, StudyMetrics.MEMBERS_MET, LAST_YEAR)).isEqualTo(1);
            assertThat(rollup(org, StudyMetrics.courseDone(1), LAST_YEAR)).isEqualTo(1);
        }

        tx.executeWithoutResult(s -> hours.withdraw(w.member().id(), StudySource.EXTERNAL, 2));
        tx.executeWithoutResult(s -> hours.withdraw(w.member().id(), StudySource.EXTERNAL, 2)); // nothing twice
        assertThat(year(w.member().id(), LAST_YEAR).met()).isFalse();
        assertThat(rollup(w.committee().id(), StudyMetrics.HOURS_CENTI, LAST_YEAR)).isEqualTo(2000);
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, LAST_YEAR)).isZero();
        tx.executeWithoutResult(s -> hours.withdraw(w.member().id(), StudySource.COURSE, 1));
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_STUDIED, LAST_YEAR)).isZero();
        assertThat(rollup(w.committee().id(), StudyMetrics.courseDone(1), LAST_YEAR)).isZero();
    }

    @Test
    void T2_56_hours_without_a_concentrated_training_is_not_met_with_one_it_is() {
        World w = world("乙");
        seat(w.member().id(), w.branch().id(), (LAST_YEAR - 1) + "-01-01", null);
        LocalDate day = LocalDate.of(LAST_YEAR, 6, 1);
        credit(w.member().id(), StudySource.COURSE, 11, "56", day, false);
        assertThat(year(w.member().id(), LAST_YEAR)).isEqualTo(
                new YearRow(new BigDecimal("56.00"), new BigDecimal("56.0"), 0, 1, false));
        credit(w.member().id(), StudySource.CLASS, 12, "0.5", day, true);
        assertThat(year(w.member().id(), LAST_YEAR).met()).isTrue();
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, LAST_YEAR)).isEqualTo(1);
        HoursYear page = memberHours.year(SYSTEM, w.member().id(), LAST_YEAR);
        assertThat(page.targetSource()).contains("56学时");
        assertThat(page.met()).isTrue();
    }

    @Test
    void T2_pro_rata_a_seat_from_1_July_asks_44_hours_and_a_concentrated_training() {
        World w = world("丙");
        seat(w.member().id(), w.branch().id(), LAST_YEAR + "-07-01", null);
        credit(w.member().id(), StudySource.COURSE, 21, "44", LocalDate.of(LAST_YEAR, 9, 1), false);
        assertThat(year(w.member().id(), LAST_YEAR)).isEqualTo(
                new YearRow(new BigDecimal("44.00"), new BigDecimal("44.0"), 0, 1, false));
        credit(w.member().id(), StudySource.EXTERNAL, 22, "2", LocalDate.of(LAST_YEAR, 9, 2), true);
        assertThat(year(w.member().id(), LAST_YEAR).met()).isTrue();
        assertThat(memberHours.year(SYSTEM, w.member().id(), LAST_YEAR).targetBasis()).contains("6个月");
    }

    @Test
    void T2_a_seat_filled_today_judges_the_year_again_in_the_same_transaction() {
        World w = world("丁");
        int thisYear = LocalDate.now().getYear();
        credit(w.member().id(), StudySource.COURSE, 31, "33", LocalDate.now(), false);
        assertThat(year(w.member().id(), thisYear).met()).isTrue();
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, thisYear)).isEqualTo(1);

        organizations.startTerm(SYSTEM, w.branch().id(), LocalDate.now().minusDays(1), LocalDate.now().plusYears(3));
        var committee = organizations.addSeat(SYSTEM, w.branch().id(), CommitteePosition.SECRETARY, w.member().id(),
                null);
        YearRow judged = year(w.member().id(), thisYear);
        assertThat(judged.target()).isGreaterThan(new BigDecimal("33"));
        assertThat(judged.met()).isFalse();
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, thisYear)).isZero();

        organizations.removeSeat(SYSTEM, w.branch().id(), committee.seats().get(0).id());
        // removed the day it was added: never held
        assertThat(year(w.member().id(), thisYear).met()).isTrue();
        assertThat(rollup(w.committee().id(), StudyMetrics.MEMBERS_MET, thisYear)).isEqualTo(1);
    }

    private MeetingAttendance attended(long meetingId, long memberId, Set<MeetingKind> kinds, boolean held,
                                       Long minutes, long length) {
        return new MeetingAttendance(meetingId, 1, "学习会" + meetingId, kinds, LocalDate.of(LAST_YEAR, 3, 3), held,
                memberId, minutes, length);
    }

    private void tell(MeetingAttendance a) {
        tx.executeWithoutResult(s -> attendanceListeners.forEach(l -> l.attendance(a)));
    }

    private List<String> credits(long memberId) {
        return jdbc.sql("select source || ':' || hours from study_credit where member_id = ? order by source")
                .param(memberId).query(String.class).list();
    }

    @Test
    void a_meeting_held_with_check_out_credits_minutes_present_capped_at_its_length() {
        World w = world("戊");
        long id = w.member().id();
        tell(attended(9001, id, Set.of(MeetingKind.LECTURE), true, 95L, 120));
        assertThat(credits(id)).containsExactly("LECTURE:1.58");
        tell(attended(9001, id, Set.of(MeetingKind.LECTURE), true, 200L, 120)); // never more than the meeting
        assertThat(credits(id)).containsExactly("LECTURE:2.00");
        tell(attended(9001, id, Set.of(MeetingKind.GENERAL_ASSEMBLY), true, 60L, 120)); // kinds changed: moves
        assertThat(credits(id)).containsExactly("MEETING:1.00");
        tell(attended(9001, id, Set.of(MeetingKind.GENERAL_ASSEMBLY), true, null, 120)); // check-out taken back
        assertThat(credits(id)).isEmpty();
        tell(attended(9001, id, Set.of(MeetingKind.LECTURE), false, 60L, 120)); // not held
        assertThat(credits(id)).isEmpty();
    }
}
